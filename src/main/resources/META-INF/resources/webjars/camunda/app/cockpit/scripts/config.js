/*
 * Disclosure Desk: configuration of Camunda's Cockpit (replaces the webjar's app/cockpit/scripts/config.js; documented
 * customisation, https://docs.camunda.org/manual/7.24/webapps/). The header names the product and the app
 * ("Disclosure Desk Cockpit", also the page title); app/cockpit/styles/user-styles.css removes the community
 * edition's banner. See docs/operations.md, "The web apps' header".
 */
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Disclosure Desk'
  }
};
