// Rootfix's settings for Camunda Cockpit (README: Branding). Replaces the webjar's scripts/config.js.
export default {
  // The header and the page title read "Rootfix Cockpit".
  app: {
    name: 'Cockpit',
    vendor: 'Rootfix'
  }
};
