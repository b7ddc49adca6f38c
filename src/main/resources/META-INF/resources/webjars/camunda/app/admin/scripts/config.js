/*
 * Disclosure Desk: configuration of Camunda's Admin (replaces the webjar's app/admin/scripts/config.js; documented
 * customisation, https://docs.camunda.org/manual/7.24/webapps/). The header names the product and the app
 * ("Disclosure Desk Admin", also the page title); app/admin/styles/user-styles.css removes the community
 * edition's banner. See docs/operations.md, "The web apps' header".
 */
export default {
  app: {
    name: 'Admin',
    vendor: 'Disclosure Desk'
  }
};
