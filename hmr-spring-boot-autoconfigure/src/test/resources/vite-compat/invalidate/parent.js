import { version } from './child.js';
document.querySelector('.app').textContent = 'parent sees child ' + version;
console.log('parent ran with child ' + version);
import.meta.hot.on('vite:beforeUpdate', (payload) => payload.updates.forEach((update) =>
	console.log('update ' + update.path + ' firstInvalidatedBy=' + update.firstInvalidatedBy)));
import.meta.hot.accept();
