import { value } from './child.js'

console.log('(invalidation) parent is executing')
document.querySelector('.invalidation-parent').textContent = value

import.meta.hot.accept()
