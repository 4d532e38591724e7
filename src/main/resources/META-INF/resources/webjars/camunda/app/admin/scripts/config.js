// Rootfix's settings for Camunda Admin (docs/operators.md: Branding). Replaces the webjar's scripts/config.js.
export default {
  // The header and the page title read "Rootfix Admin".
  app: {
    name: 'Admin',
    vendor: 'Rootfix'
  }
};
