import './loaded.js'

let count = 0
document.querySelector('.increment').onclick = () => {
  count++
  document.querySelector('.counter').textContent = `Counter ${count}`
}

// never called: dep.js is known to the server as an importee, but never loaded here
export function neverCalled() {
  return import('./dep.js')
}
