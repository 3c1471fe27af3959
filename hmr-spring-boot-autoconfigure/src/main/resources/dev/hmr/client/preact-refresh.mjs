/*
 * Part of hmr-spring-boot. It follows Prefresh (preactjs/prefresh, MIT).
 *
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
// Component refresh for Preact, with Prefresh's semantics (preactjs/prefresh,
// packages/core and packages/utils, MIT): the registry of component types by id, the
// hook signatures, and the replacement of a type on its mounted instances. Modules
// registered by the starter's pass import it; it imports Preact by bare specifier,
// which the page's import map resolves.
import { options, Component } from 'preact';

// Preact's mangled property names (its mangle.json), as Prefresh uses them
const VNODE_COMPONENT = '__c';
const COMPONENT_VNODE = '__v';
const COMPONENT_PARENT_DOM = '__P';
const COMPONENT_HOOKS = '__H';
const HOOKS_LIST = '__';
const HOOKS_PENDING_EFFECTS = '__h';
const HOOK_CLEANUP = '__c';

const typesById = new Map();
const signatures = new WeakMap();
const instancesByType = new WeakMap();
const replacements = new WeakMap();
let pending = [];

function latest(type) {
  let current = type;
  while (replacements.has(current)) {
    current = replacements.get(current);
  }
  return current;
}

// An element created from a replaced type (an importer's stale binding) renders the
// latest one
const previousVnode = options.vnode;
options.vnode = (vnode) => {
  if (vnode && typeof vnode.type === 'function' && replacements.has(vnode.type)) {
    vnode.type = latest(vnode.type);
  }
  if (previousVnode) previousVnode(vnode);
};

const previousDiffed = options.diffed;
options.diffed = (vnode) => {
  const component = vnode && vnode[VNODE_COMPONENT];
  if (component && typeof vnode.type === 'function') {
    let instances = instancesByType.get(vnode.type);
    if (!instances) {
      instances = new Set();
      instancesByType.set(vnode.type, instances);
    }
    instances.add(component);
  }
  if (previousDiffed) previousDiffed(vnode);
};

const previousUnmount = options.unmount;
options.unmount = (vnode) => {
  const instances = vnode && typeof vnode.type === 'function' && instancesByType.get(vnode.type);
  if (instances && vnode[VNODE_COMPONENT]) {
    instances.delete(vnode[VNODE_COMPONENT]);
  }
  if (previousUnmount) previousUnmount(vnode);
};

/** $RefreshReg$: the type registered under an id replaces the one registered before. */
export function register(type, id) {
  if (typeof type !== 'function') return;
  const existing = typesById.get(id);
  if (existing && existing !== type) {
    pending.push([existing, type]);
  }
  typesById.set(id, type);
}

/** $RefreshSig$: ties a function to its hook signature, and its custom hooks' ones. */
export function createSignature() {
  let savedType;
  let hasCustomHooks = false;
  let didCollectHooks = false;
  return (type, key, forceReset, getCustomHooks) => {
    if (typeof key === 'string') {
      if (!savedType) {
        savedType = type;
        hasCustomHooks = typeof getCustomHooks === 'function';
      }
      // the innermost call of a HOC chain carries the key: keep it
      if (type != null && (typeof type === 'function' || typeof type === 'object') && !signatures.has(type)) {
        signatures.set(type, { key, forceReset: !!forceReset, getCustomHooks: getCustomHooks || (() => []) });
      }
    } else if (!didCollectHooks && hasCustomHooks) {
      didCollectHooks = true;
      const signature = signatures.get(savedType);
      if (signature) signature.fullKey = fullKey(signature);
    }
    return type;
  };
}

function fullKey(signature) {
  let key = signature.key;
  let hooks;
  try {
    hooks = signature.getCustomHooks();
  } catch (err) {
    signature.forceReset = true;
    return key;
  }
  for (const hook of hooks) {
    if (typeof hook !== 'function') {
      signature.forceReset = true;
      return key;
    }
    const nested = signatures.get(hook);
    if (nested === undefined) continue;
    key += '\n---\n' + fullKey(nested);
    if (nested.forceReset) signature.forceReset = true;
  }
  return key;
}

function mustReset(previous, next) {
  const before = signatures.get(previous) || { key: undefined, getCustomHooks: () => [] };
  const after = signatures.get(next) || { key: undefined, getCustomHooks: () => [] };
  return before.key !== after.key || fullKey(before) !== fullKey(after) || !!after.forceReset;
}

function runCleanups(hooks) {
  for (const hook of hooks[HOOKS_LIST] || []) {
    if (typeof hook[HOOK_CLEANUP] === 'function') {
      hook[HOOK_CLEANUP]();
      hook[HOOK_CLEANUP] = undefined;
    }
  }
}

function replaceComponent(previous, next, resetHooks) {
  replacements.set(previous, next);
  const instances = instancesByType.get(previous);
  if (!instances) return;
  instancesByType.delete(previous);
  let nextInstances = instancesByType.get(next);
  if (!nextInstances) {
    nextInstances = new Set();
    instancesByType.set(next, nextInstances);
  }
  for (const component of instances) {
    nextInstances.add(component);
    if (!component[COMPONENT_PARENT_DOM]) continue;
    if (component[COMPONENT_VNODE]) component[COMPONENT_VNODE].type = next;
    if (next.prototype && typeof next.prototype.render === 'function') {
      Object.setPrototypeOf(component, next.prototype);
    }
    // a function component renders this.constructor(props, context)
    component.constructor = next;
    if (resetHooks && component[COMPONENT_HOOKS]) {
      runCleanups(component[COMPONENT_HOOKS]);
      component[COMPONENT_HOOKS] = { [HOOKS_LIST]: [], [HOOKS_PENDING_EFFECTS]: [] };
    }
    Component.prototype.forceUpdate.call(component);
  }
}

/** Re-render the components registered anew since the last flush. */
export function flush() {
  const updates = pending;
  pending = [];
  for (const [previous, next] of updates) {
    replaceComponent(previous, next, mustReset(previous, next));
  }
}

function isComponent(value) {
  if (typeof value !== 'function') return false;
  if (value.prototype != null && value.prototype.isReactComponent) return true;
  const name = value.name || value.displayName;
  return typeof name === 'string' && name.length > 0 && name[0] === name[0].toUpperCase()
    && name[0] !== name[0].toLowerCase();
}

/**
 * The accept callback of a refresh boundary: refresh when the new module's exports are
 * all components still, else hand the update on as Vite's React plugin does.
 */
export function update(hot, next) {
  if (next) {
    for (const name of Object.keys(next)) {
      if (!isComponent(next[name])) {
        hot.invalidate('Could not Fast Refresh ("' + name + '" export is incompatible)');
        return;
      }
    }
  }
  try {
    flush();
  } catch (error) {
    console.error('[hmr] Preact refresh failed, reloading', error);
    location.reload();
  }
}
