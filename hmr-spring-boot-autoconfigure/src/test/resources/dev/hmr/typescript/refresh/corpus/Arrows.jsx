import { useState, useMemo, useCallback, useReducer, useContext } from 'preact/hooks';
import { ThemeContext } from './theme';

export const Expression = () => <span>expr</span>;

export const WithHooks = ({ items }) => {
  const [filter, setFilter] = useState('');
  const visible = useMemo(() => items.filter((i) => i.includes(filter)), [items, filter]);
  const onInput = useCallback((e) => setFilter(e.target.value), []);
  return <ul onInput={onInput}>{visible.map((v) => <li>{v}</li>)}</ul>;
};

export const Reducer = function () {
  const [state, dispatch] = useReducer((s, a) => s + a, 10);
  const theme = useContext(ThemeContext);
  return <b class={theme}>{state}</b>;
};

export const Short = () => useState(0)[0];

let A = () => <a />, B = () => <b />;
