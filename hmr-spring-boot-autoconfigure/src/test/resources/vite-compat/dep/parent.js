import { label } from './child.js';
document.querySelector('.app').textContent = label;
import.meta.hot.accept('./child.js', (child) => {
	document.querySelector('.app').textContent = child.label;
});
