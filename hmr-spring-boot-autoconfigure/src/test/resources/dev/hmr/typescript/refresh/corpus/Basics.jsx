import { useState, useEffect, useRef } from 'preact/hooks';

export function Counter({ start = 0 }) {
  const [count, setCount] = useState(start);
  const ref = useRef(null);
  useEffect(() => {
    ref.current = count;
  }, [count]);
  return <button onClick={() => setCount((c) => c + 1)}>{count}</button>;
}

function Plain() {
  return <p>plain</p>;
}

export default function App() {
  const [open, setOpen] = useState(false);
  return <div>{open && <Counter />}<Plain /></div>;
}

function helper() {
  return 1;
}

export const lower = () => <i />;
