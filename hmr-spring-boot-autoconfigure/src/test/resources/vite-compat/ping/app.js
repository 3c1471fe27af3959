import.meta.hot.on('compat:still-there', (data) => {
	document.querySelector('.app').textContent = data.text;
});
document.querySelector('.app').textContent = 'waiting';
