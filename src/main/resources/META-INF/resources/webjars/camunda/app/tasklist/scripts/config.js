/*
 * Disclosure Desk: configuration of Camunda's Tasklist (replaces the webjar's app/tasklist/scripts/config.js; documented
 * customisation, https://docs.camunda.org/manual/7.24/webapps/). The header names the product and the app
 * ("Disclosure Desk Tasklist", also the page title); app/tasklist/styles/user-styles.css removes the community
 * edition's banner. See docs/operations.md, "The web apps' header".
 */
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Disclosure Desk'
  },
  // Camunda's keyboard shortcuts of Tasklist (the webjar's default config.js has them)
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
