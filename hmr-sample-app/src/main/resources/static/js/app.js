// Accepts updates of one dependency: when greeting.js is saved, the callback gets its new
// version and app.js itself is not run again (the render count keeps growing, the page
// does not reload). Saving app.js itself reloads the page, as nothing accepts it.
import { greeting } from './greeting.js'

const output = document.querySelector('#greeting')
const renders = document.querySelector('#renders')
let count = 0

function render(text) {
  output.textContent = text
  renders.textContent = String(++count)
}

render(greeting)

if (import.meta.hot) {
  import.meta.hot.accept('./greeting.js', (newModule) => {
    // undefined when the new version failed to load (the overlay shows why)
    if (newModule) {
      render(newModule.greeting)
    }
  })
}
