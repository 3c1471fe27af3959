import { render } from 'preact';
import { Clicker } from './Clicker';

const root = document.getElementById('clicker');
if (root) {
	render(<Clicker step={1} />, root);
}
