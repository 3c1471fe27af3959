import { plain } from './plain.js'

document.querySelector('.plain').textContent = plain
