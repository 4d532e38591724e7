// Rootfix's settings for Camunda Welcome (docs/operators.md: Branding). Replaces the webjar's scripts/config.js.
export default {
  // The header and the page title read "Rootfix Welcome".
  app: {
    name: 'Welcome',
    vendor: 'Rootfix'
  }
};
