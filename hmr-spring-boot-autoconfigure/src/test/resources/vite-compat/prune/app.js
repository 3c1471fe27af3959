import { label } from './dep.js';
document.querySelector('.app').textContent = label;
import.meta.hot.accept();
