import { useState, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

interface CardProps {
  title: string;
  children?: ComponentChildren;
}

export type Size = 'small' | 'large';

export function Card({ title, children }: CardProps) {
  const [open, setOpen] = useState<boolean>(false);
  const el = useRef<HTMLDivElement>(null);
  return (
    <div ref={el} onClick={() => setOpen(!open)}>
      <h2>{title}</h2>
      {open && children}
    </div>
  );
}

export const List = <T,>({ items }: { items: T[] }) => {
  const [selected, setSelected] = useState<T | null>(null);
  return <ul>{items.map((item) => <li onClick={() => setSelected(item)}>{String(item)}</li>)}</ul>;
};

export enum Mode {
  Light,
  Dark,
}
