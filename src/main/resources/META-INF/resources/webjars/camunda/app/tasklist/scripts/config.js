// Rootfix's settings for Camunda Tasklist (docs/operators.md: Branding). Replaces the webjar's scripts/config.js,
// so it repeats the webjar's keyboard shortcuts.
//
// Tasklist opens the filter with the lowest "priority" unless the address names one: agents start on
// "Promises at risk today", team leads on "Broken promises" (TasklistFilters sets the priorities).
export default {
  // The header and the page title read "Rootfix Tasklist".
  app: {
    name: 'Tasklist',
    vendor: 'Rootfix'
  },

  // Dates in Rootfix's convention, the tracking number after the phone-intake start form (scripts/rootfix.js).
  customScripts: ['scripts/rootfix'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
