import { useState, useEffect } from 'preact/hooks';

export function Outer() {
  const [a, setA] = useState(1);
  function Inner() {
    const [b] = useState(2);
    return <i>{b}</i>;
  }
  const Local = () => {
    useEffect(() => {});
    return <u />;
  };
  return <div>{a}<Inner /><Local /></div>;
}

export default () => {
  const [anonymous] = useState('anon');
  return <p>{anonymous}</p>;
};

const obj = {
  useThing() {
    return useState(0);
  },
};
