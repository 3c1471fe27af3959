import a from './a.js'

const value = 'b0'
console.log(`(importing reloaded) b.js: ${value},${a}`)
document.querySelector('.importing-reloaded').textContent += `b.js: ${value},${a}; `

import.meta.hot.accept()
