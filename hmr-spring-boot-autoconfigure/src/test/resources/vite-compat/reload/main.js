import { label } from './plain.js';
document.querySelector('.app').textContent = label;
