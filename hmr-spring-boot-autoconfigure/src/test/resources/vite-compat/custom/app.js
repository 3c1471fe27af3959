import.meta.hot.on('compat:greeting', (data) => {
	document.querySelector('.app').textContent = data.text;
	console.log('compat:greeting ' + data.text);
});
document.querySelector('.app').textContent = 'listening';
