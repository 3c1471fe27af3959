// @refresh reset
import { useState } from 'preact/hooks';
import { useSignal } from '@preact/signals';

export function Resetting() {
  const [value, setValue] = useState('x');
  const signal = useSignal(42);
  return <input value={value + signal.value} onInput={(e) => setValue(e.target.value)} />;
}
