import { value } from './declining.js'

document.querySelector('.declining').textContent = value

import.meta.hot.accept('./declining.js', (mod) => {
  document.querySelector('.declining').textContent = mod.value
})
