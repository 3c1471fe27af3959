import { useState, useEffect } from 'preact/hooks';
import { useTheme } from './theme';
import * as hooks from './hooks';

export function useCounter(initial) {
  const [count, setCount] = useState(initial);
  useEffect(() => {}, []);
  return [count, () => setCount(count + 1)];
}

export function Panel() {
  const [count, inc] = useCounter(5);
  const theme = useTheme();
  const data = hooks.useData('key');
  const { width } = useWindowSize();
  return <section class={theme} onClick={inc}>{count} {data} {width}</section>;
}

function useWindowSize() {
  return useState({ width: 1 })[0];
}
