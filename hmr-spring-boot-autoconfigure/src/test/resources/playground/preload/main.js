import { value } from './a.js'
import { unchanged } from './unchanged.js'

document.querySelector('.value').textContent = `${value} ${unchanged}`
import.meta.hot.accept()
