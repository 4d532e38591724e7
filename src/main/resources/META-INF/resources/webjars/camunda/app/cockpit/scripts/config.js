// Rootfix's settings for Camunda Cockpit (docs/operators.md: Branding). Replaces the webjar's scripts/config.js.
export default {
  // The header and the page title read "Rootfix Cockpit".
  app: {
    name: 'Cockpit',
    vendor: 'Rootfix'
  },
  bpmnJs: {
    // Opens long diagrams at a readable scale instead of fitted (issue #20); path relative to app/cockpit/.
    additionalModules: ['scripts/readable-zoom']
  }
};
