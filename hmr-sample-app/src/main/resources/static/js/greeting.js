// Change the text and save: app.js accepts this module and renders the new greeting.
export const greeting = 'Hello from greeting.js!'
