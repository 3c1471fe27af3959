import { useState } from 'preact/hooks';

type Props = { step?: number };

// Every export of this module is a component: an edit re-renders it in place, keeping its state.
export function Clicker({ step = 1 }: Props) {
	const [count, setCount] = useState<number>(0);
	return (
		<button id="clicker-button" type="button" onClick={() => setCount(count + step)}>
			Clicked {count} times
		</button>
	);
}
