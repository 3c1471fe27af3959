const value = 'a0'
console.log(`(importing reloaded) a.js: ${value}`)
document.querySelector('.importing-reloaded').textContent += `a.js: ${value}; `

export default value

import.meta.hot.accept()
