import { memo, forwardRef } from 'preact/compat';
import { useState } from 'preact/hooks';

export const Memo = memo(() => <p>memo</p>);

export const Ref = forwardRef((props, ref) => {
  const [v] = useState(1);
  return <input ref={ref} value={v} />;
});

export const Nested = memo(forwardRef(function Inner(props, ref) {
  return <div ref={ref} />;
}));

const Base = () => <em />;
export const Wrapped = memo(Base);

export default memo(() => {
  const [x, setX] = useState(() => 0);
  return <p onClick={() => setX(x + 1)}>{x}</p>;
});
