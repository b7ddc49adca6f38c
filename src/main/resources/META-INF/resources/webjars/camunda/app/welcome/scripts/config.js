/*
 * Disclosure Desk: configuration of Camunda's Welcome (replaces the webjar's app/welcome/scripts/config.js; documented
 * customisation, https://docs.camunda.org/manual/7.24/webapps/). The header names the product and the app
 * ("Disclosure Desk Welcome", also the page title); app/welcome/styles/user-styles.css removes the community
 * edition's banner. See docs/operations.md, "The web apps' header".
 */
export default {
  app: {
    name: 'Welcome',
    vendor: 'Disclosure Desk'
  }
};
