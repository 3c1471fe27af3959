// A self-accepting module: when this file is saved, only this module runs again, and
// the count survives because dispose() hands it to the new version in hot.data.
// Try it: click a few times, then change LABEL and save.
const LABEL = 'Clicks so far'

const button = document.querySelector('#counter')
let count = import.meta.hot?.data.count ?? 0

function render() {
  button.textContent = `${LABEL}: ${count}`
}

function increment() {
  count++
  render()
}

button.addEventListener('click', increment)
render()

// import.meta.hot is there only in development: the same file works with HMR off.
if (import.meta.hot) {
  import.meta.hot.accept()
  import.meta.hot.dispose((data) => {
    data.count = count
    // The new version adds its own listener: remove this one, or a click counts twice
    button.removeEventListener('click', increment)
  })
}
