import { useState } from 'preact/hooks';

export const STEP = 2;

export function Stepper() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + STEP)}>{n}</button>;
}

const Hidden = () => <p />;

export { Hidden, Hidden as Shown };
export * from './other.js';
