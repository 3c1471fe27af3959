/*
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

package dev.hmr.typescript.refresh;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstExprOrSpread;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdentName;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTaggedTpl;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstJsxOpeningElement;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImport;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstTsExportAssignment;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstBlockStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstTsEnumDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstTsModuleDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;
import com.caoccao.javet.swc4j.comments.Swc4jComment;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import com.caoccao.javet.swc4j.outputs.Swc4jParseOutput;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.hmr.typescript.TypeScriptTranspiler;

/**
 * The registration pass of component refresh for Preact, with the semantics of
 * {@code @prefresh/babel-plugin} (itself React's {@code react-refresh/babel}): it finds a
 * module's components and the hook calls of each function, and adds to the module's
 * source, JSX or TSX as written, the {@code $RefreshReg$(Comp, "Comp")} and
 * {@code $RefreshSig$()} calls the runtime served at {@link #RUNTIME_PATH} needs. A
 * module that registers components accepts its own updates, as with
 * {@code @vitejs/plugin-react}: when the new version's exports are all components the
 * runtime re-renders them in place, keeping their hook state unless their hook signature
 * changed; when one is not (a constant, a helper), it calls
 * {@code import.meta.hot.invalidate()}, so the update goes on to the importers as Vite's
 * would (an importer that accepts, or a full reload). The decision is the runtime's, on
 * the new module: a module that gains a non-component export in an edit has its
 * invalidation honoured only because it still self-accepts (Vite ignores an invalidate
 * from a module that no longer does).
 * <p>
 * It runs on the source before it is transpiled (the names and keys are then those of
 * Prefresh's Babel plugin, see the differential test), or on the JavaScript SWC emitted
 * for it (the same names; keys as SWC's emitter formats the code, stable from one edit to
 * the next, which is all the runtime compares).
 * <p>
 * The pass works on swc4j's AST and inserts text only: no line of the source moves (the
 * runtime glue goes after the last line), so a source map made from the output points at
 * the original lines. A source that does not parse is returned as it is, for the
 * transpile step to report its syntax error.
 *
 * @since 0.1.0
 */
public final class PreactRefreshRegistration {

	/**
	 * Path of the runtime the registered modules import, served with the client.
	 * @see dev.hmr.client.HmrClientScript#PREACT_REFRESH_PATH
	 */
	public static final String RUNTIME_PATH = "/@hmr/preact-refresh.mjs";

	private static final Pattern HOOK_NAME = Pattern.compile("^use[A-Z]");

	private static final Set<String> BUILT_IN_HOOKS = Set.of("useErrorBoundary", "useState", "useReducer", "useEffect",
			"useLayoutEffect", "useMemo", "useCallback", "useRef", "useContext", "useImperativeMethods",
			"useDebugValue", "useSignal");

	/**
	 * Calls whose arguments are element types: Babel's list, and what SWC emits for JSX
	 * ({@code _jsx}, {@code _jsxs}, {@code _jsxDEV}, Preact's classic {@code h}), so the
	 * pass finds the same components in emitted JavaScript.
	 */
	private static final Set<String> ELEMENT_FACTORIES = Set.of("createElement", "jsx", "jsxDEV", "jsxs", "_jsx",
			"_jsxs", "_jsxDEV", "h");

	private static final String SOURCE_MAP_COMMENT = "\n//# sourceMappingURL=";

	private final Swc4j swc4j;

	private final String runtimeUrl;

	/**
	 * A pass parsing with the given swc4j and importing the runtime from the given URL.
	 * @param swc4j the parser
	 * @param runtimeUrl the URL of the runtime, {@link #RUNTIME_PATH} under the
	 * application's context path
	 */
	public PreactRefreshRegistration(Swc4j swc4j, String runtimeUrl) {
		Assert.notNull(swc4j, "'swc4j' must not be null");
		Assert.hasText(runtimeUrl, "'runtimeUrl' must not be empty");
		this.swc4j = swc4j;
		this.runtimeUrl = runtimeUrl;
	}

	/**
	 * This pass as the step the TypeScript transpiler runs on each JSX module's source,
	 * with its own swc4j made at the first module (the transpiler has loaded the native
	 * library by then).
	 * @param runtimeUrl the URL of the runtime, {@link #RUNTIME_PATH} under the
	 * application's context path
	 * @return the step
	 */
	public static TypeScriptTranspiler.SourceStep sourceStep(String runtimeUrl) {
		Assert.hasText(runtimeUrl, "'runtimeUrl' must not be empty");
		return new TypeScriptTranspiler.SourceStep() {

			private volatile @Nullable PreactRefreshRegistration registration;

			@Override
			public String apply(String source, String url) {
				PreactRefreshRegistration pass = this.registration;
				if (pass == null) {
					synchronized (this) {
						pass = this.registration;
						if (pass == null) {
							pass = new PreactRefreshRegistration(new Swc4j(), runtimeUrl);
							this.registration = pass;
						}
					}
				}
				return pass.register(source, url).code();
			}

		};
	}

	/**
	 * Register the components and hook signatures of a module, before it is transpiled.
	 * @param code the module's source: JavaScript with JSX, or TypeScript with JSX when
	 * the URL ends with {@code .ts}, {@code .mts} or {@code .tsx}
	 * @param moduleUrl the module's URL, which names its components in the runtime's
	 * registry
	 * @return the source with the registrations, or the same source (with no components
	 * and no signatures) when it has none or does not parse
	 */
	public Result register(String code, String moduleUrl) {
		Assert.notNull(code, "'code' must not be null");
		Assert.notNull(moduleUrl, "'moduleUrl' must not be null");
		Swc4jParseOutput output;
		try {
			output = this.swc4j.parse(code,
					new Swc4jParseOptions().setCaptureAst(true)
						.setCaptureComments(true)
						.setMediaType(mediaType(moduleUrl))
						.setParseMode(Swc4jParseMode.Module)
						.setSpecifier(specifier(moduleUrl)));
		}
		catch (Swc4jCoreException ex) {
			return new Result(code, List.of(), List.of(), false);
		}
		if (!(output.getProgram() instanceof Swc4jAstModule module)) {
			return new Result(code, List.of(), List.of(), false);
		}
		boolean forceReset = output.getComments() != null && output.getComments()
			.getComments()
			.stream()
			.map(Swc4jComment::getText)
			.anyMatch((text) -> text.contains("@refresh reset"));
		return new Pass(code, module, forceReset).run(moduleUrl, this.runtimeUrl);
	}

	private static Swc4jMediaType mediaType(String url) {
		String path = url.replaceFirst("[?#].*$", "");
		if (path.endsWith(".tsx")) {
			return Swc4jMediaType.Tsx;
		}
		if (path.endsWith(".ts") || path.endsWith(".mts")) {
			return Swc4jMediaType.TypeScript;
		}
		return Swc4jMediaType.Jsx;
	}

	private static URL specifier(String moduleUrl) {
		try {
			return new URL("file:///" + moduleUrl.replaceFirst("^/+", "").replaceAll("[^A-Za-z0-9._/-]", "_"));
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the pass made of a module.
	 *
	 * @param code the source with the registrations (the same source when there are none)
	 * @param components the names the components are registered under, such as
	 * {@code Counter} or {@code Counter$memo}, in source order
	 * @param hookSignatures the hook signature keys, such as {@code useState{[count,
	 * setCount](0)}}, one per function that calls hooks, in source order
	 * @param refreshBoundary whether every export of the module is a component, so that
	 * an edit of it as it is now refreshes in place (the runtime checks the new version's
	 * exports again on every update)
	 */
	public record Result(String code, List<String> components, List<String> hookSignatures, boolean refreshBoundary) {

	}

	/** One run over one module: what it finds and the text it inserts. */
	private static final class Pass {

		private final String code;

		private final Swc4jAstModule module;

		private final boolean forceResetFile;

		private final Map<ISwc4jAst, List<HookCall>> hookCalls = new IdentityHashMap<>();

		private final Set<String> topLevelBindings = new LinkedHashSet<>();

		private final Set<String> registeredBindings = new LinkedHashSet<>();

		private final List<Insertion> insertions = new ArrayList<>();

		private final List<String> registrations = new ArrayList<>();

		private final List<String> components = new ArrayList<>();

		private final List<String> signatureKeys = new ArrayList<>();

		private final List<String> handles = new ArrayList<>();

		private final List<String> signatureNames = new ArrayList<>();

		private final List<ISwc4jAst> jsxTypeReferences = new ArrayList<>();

		private final int @Nullable [] charIndexOfCodePoint;

		Pass(String code, Swc4jAstModule module, boolean forceResetFile) {
			this.code = code;
			this.module = module;
			this.forceResetFile = forceResetFile;
			this.charIndexOfCodePoint = charIndexOfCodePoint(code);
		}

		// swc4j's spans count code points: the char index of each, when they differ
		private static int @Nullable [] charIndexOfCodePoint(String code) {
			int codePoints = code.codePointCount(0, code.length());
			if (codePoints == code.length()) {
				return null;
			}
			int[] index = new int[codePoints + 1];
			int i = 0;
			for (int codePoint = 0; codePoint < codePoints; codePoint++) {
				index[codePoint] = i;
				i += Character.charCount(code.codePointAt(i));
			}
			index[codePoints] = code.length();
			return index;
		}

		private int charIndex(int codePointOffset) {
			return (this.charIndexOfCodePoint != null) ? this.charIndexOfCodePoint[codePointOffset] : codePointOffset;
		}

		Result run(String moduleUrl, String runtimeUrl) {
			collectBindings();
			collect(this.module);
			registerTopLevel();
			signFunctions();
			if (this.registrations.isEmpty() && this.signatureNames.isEmpty()) {
				return new Result(this.code, List.of(), List.of(), false);
			}
			boolean boundary = !this.registrations.isEmpty() && allExportsAreComponents();
			return new Result(render(moduleUrl, runtimeUrl), List.copyOf(this.components),
					List.copyOf(this.signatureKeys), boundary);
		}

		private void collectBindings() {
			for (ISwc4jAstModuleItem item : this.module.getBody()) {
				ISwc4jAst declaration = (item instanceof Swc4jAstExportDecl export) ? export.getDecl() : item;
				if (declaration instanceof Swc4jAstImportDecl importDecl) {
					importDecl.getSpecifiers().forEach((specifier) -> {
						if (specifier instanceof Swc4jAstImportNamedSpecifier named) {
							this.topLevelBindings.add(named.getLocal().getSym());
						}
						else if (specifier instanceof Swc4jAstImportDefaultSpecifier defaultSpecifier) {
							this.topLevelBindings.add(defaultSpecifier.getLocal().getSym());
						}
						else if (specifier instanceof Swc4jAstImportStarAsSpecifier star) {
							this.topLevelBindings.add(star.getLocal().getSym());
						}
					});
				}
				else if (declaration instanceof Swc4jAstFnDecl fn) {
					this.topLevelBindings.add(fn.getIdent().getSym());
				}
				else if (declaration instanceof Swc4jAstClassDecl type) {
					this.topLevelBindings.add(type.getIdent().getSym());
				}
				else if (declaration instanceof Swc4jAstVarDecl variables) {
					for (Swc4jAstVarDeclarator declarator : variables.getDecls()) {
						if (declarator.getName() instanceof Swc4jAstBindingIdent binding) {
							this.topLevelBindings.add(binding.getId().getSym());
						}
					}
				}
				else if (item instanceof Swc4jAstExportDefaultDecl defaultDecl) {
					if (defaultDecl.getDecl() instanceof Swc4jAstFnExpr fn && fn.getIdent().isPresent()) {
						this.topLevelBindings.add(fn.getIdent().get().getSym());
					}
				}
			}
		}

		// One walk records the hook calls of every function and the names used as element
		// types, as Babel's early HookCallsVisitor and its binding references do.
		private void collect(ISwc4jAst node) {
			if (node instanceof Swc4jAstCallExpr call) {
				recordHookCall(call);
				String callee = calleeName(call.getCallee());
				if (callee != null && ELEMENT_FACTORIES.contains(callee)) {
					this.jsxTypeReferences.add(call);
				}
			}
			else if (node instanceof Swc4jAstJsxOpeningElement element) {
				this.jsxTypeReferences.add(element.getName());
			}
			for (ISwc4jAst child : node.getChildNodes()) {
				if (child != null) {
					collect(child);
				}
			}
		}

		private void recordHookCall(Swc4jAstCallExpr call) {
			String name = calleeName(call.getCallee());
			if (name == null || !HOOK_NAME.matcher(name).find()) {
				return;
			}
			ISwc4jAst function = enclosingFunction(call);
			if (function == null) {
				return;
			}
			String key = "";
			if (call.getParent() instanceof Swc4jAstVarDeclarator declarator && declarator.getInit().isPresent()
					&& declarator.getInit().get() == call) {
				key = source(declarator.getName());
			}
			List<Swc4jAstExprOrSpread> args = call.getArgs();
			if (name.equals("useState") && !args.isEmpty()) {
				key += "(" + source(args.get(0)) + ")";
			}
			else if (name.equals("useReducer") && args.size() > 1) {
				key += "(" + source(args.get(1)) + ")";
			}
			else if (name.equals("useSignal") && !args.isEmpty()) {
				key += "(" + source(args.get(0)) + ")";
			}
			this.hookCalls.computeIfAbsent(function, (f) -> new ArrayList<>())
				.add(new HookCall(name, key, call.getCallee(), call.getSpan().getStart()));
		}

		private static @Nullable ISwc4jAst enclosingFunction(ISwc4jAst node) {
			for (ISwc4jAst parent = node.getParent(); parent != null; parent = parent.getParent()) {
				if (parent instanceof Swc4jAstFunction || parent instanceof Swc4jAstArrowExpr) {
					return parent;
				}
			}
			return null;
		}

		private static @Nullable String calleeName(ISwc4jAst callee) {
			if (callee instanceof Swc4jAstIdent ident) {
				return ident.getSym();
			}
			if (callee instanceof Swc4jAstMemberExpr member && member.getProp() instanceof Swc4jAstIdentName prop) {
				return prop.getSym();
			}
			return null;
		}

		private void registerTopLevel() {
			for (ISwc4jAstModuleItem item : this.module.getBody()) {
				ISwc4jAst declaration = item;
				if (item instanceof Swc4jAstExportDecl export) {
					declaration = export.getDecl();
				}
				else if (item instanceof Swc4jAstExportDefaultDecl defaultDecl) {
					declaration = defaultDecl.getDecl();
				}
				if (declaration instanceof Swc4jAstFnDecl fn) {
					registerBinding(fn.getIdent().getSym());
				}
				else if (declaration instanceof Swc4jAstFnExpr fn && fn.getIdent().isPresent()) {
					registerBinding(fn.getIdent().get().getSym());
				}
				else if (declaration instanceof Swc4jAstClassDecl type) {
					registerBinding(type.getIdent().getSym());
				}
				else if (declaration instanceof Swc4jAstClassExpr type && type.getIdent().isPresent()) {
					registerBinding(type.getIdent().get().getSym());
				}
				else if (declaration instanceof Swc4jAstVarDecl variables && variables.getDecls().size() == 1) {
					registerDeclarator(variables.getDecls().get(0));
				}
				else if (item instanceof Swc4jAstExportDefaultExpr defaultExpr
						&& unwrap(defaultExpr.getExpr()) instanceof Swc4jAstCallExpr call) {
					findInnerComponents("%default%", call, this::registerExpression);
				}
			}
		}

		private void registerBinding(String name) {
			if (isComponentishName(name) && this.registeredBindings.add(name)) {
				this.registrations.add("$RefreshReg$(" + name + ", " + quote(name) + ");");
				this.components.add(name);
			}
		}

		private void registerDeclarator(Swc4jAstVarDeclarator declarator) {
			if (!(declarator.getName() instanceof Swc4jAstBindingIdent binding)
					|| !isComponentishName(binding.getId().getSym()) || declarator.getInit().isEmpty()) {
				return;
			}
			String name = binding.getId().getSym();
			ISwc4jAst init = unwrap(declarator.getInit().get());
			Registrar registrar = (persistentId, target, wrappable) -> {
				if (!wrappable) {
					return;
				}
				if (target == init) {
					// let Foo = () => {}: registered on the next line, keeping the
					// inferred name
					this.registrations.add("$RefreshReg$(" + name + ", " + quote(persistentId) + ");");
					this.components.add(persistentId);
					this.registeredBindings.add(name);
				}
				else {
					registerExpression(persistentId, target, true);
				}
			};
			if (init instanceof Swc4jAstCallExpr call) {
				String callee = calleeName(call.getCallee());
				if (call.getCallee() instanceof Swc4jAstImport || (call.getCallee() instanceof Swc4jAstIdent
						&& callee != null && (callee.startsWith("require") || callee.startsWith("import")))) {
					return;
				}
			}
			else if (!(init instanceof Swc4jAstArrowExpr || init instanceof Swc4jAstFnExpr
					|| init instanceof Swc4jAstTaggedTpl)) {
				return;
			}
			if (findInnerComponents(name, init, registrar)) {
				return;
			}
			// const X = … and <X /> further on: a component
			if (isUsedAsElementType(name)) {
				registrar.register(name, init, true);
			}
		}

		private void registerExpression(String persistentId, ISwc4jAst target, boolean wrappable) {
			if (!wrappable) {
				return;
			}
			String handle = "_c" + (this.handles.isEmpty() ? "" : String.valueOf(this.handles.size() + 1));
			this.handles.add(handle);
			insert(target.getSpan().getStart(), 0, handle + " = ");
			this.registrations.add("$RefreshReg$(" + handle + ", " + quote(persistentId) + ");");
			this.components.add(persistentId);
		}

		private boolean isUsedAsElementType(String name) {
			for (ISwc4jAst reference : this.jsxTypeReferences) {
				if (reference instanceof Swc4jAstIdent ident && ident.getSym().equals(name)) {
					return true;
				}
				if (reference instanceof Swc4jAstCallExpr call) {
					if (call.getArgs()
						.stream()
						.anyMatch(
								(arg) -> arg.getExpr() instanceof Swc4jAstIdent ident && ident.getSym().equals(name))) {
						return true;
					}
				}
			}
			return false;
		}

		/**
		 * Babel's {@code findInnerComponents}: HOC calls searched for the functions
		 * inside.
		 */
		private boolean findInnerComponents(String inferredName, ISwc4jAst node, Registrar registrar) {
			ISwc4jAst target = unwrap(node);
			if (target instanceof Swc4jAstIdent ident) {
				if (!isComponentishName(ident.getSym())) {
					return false;
				}
				registrar.register(inferredName, target, false);
				return true;
			}
			if (target instanceof Swc4jAstArrowExpr arrow) {
				if (unwrap(arrow.getBody()) instanceof Swc4jAstArrowExpr) {
					return false;
				}
				registrar.register(inferredName, target, true);
				return true;
			}
			if (target instanceof Swc4jAstFnExpr) {
				registrar.register(inferredName, target, true);
				return true;
			}
			if (target instanceof Swc4jAstCallExpr call) {
				if (call.getArgs().isEmpty() || !(call.getCallee() instanceof Swc4jAstCallExpr
						|| call.getCallee() instanceof Swc4jAstMemberExpr
						|| call.getCallee() instanceof Swc4jAstIdent)) {
					return false;
				}
				String calleeSource = source(call.getCallee()).split("\\(", -1)[0];
				String innerName = inferredName + "$" + calleeSource;
				boolean foundInside = false;
				for (Swc4jAstExprOrSpread arg : call.getArgs()) {
					if (findInnerComponents(innerName, arg.getExpr(), registrar)) {
						foundInside = true;
						break;
					}
				}
				if (!foundInside) {
					return false;
				}
				registrar.register(inferredName, target, true);
				return true;
			}
			return false;
		}

		private void signFunctions() {
			List<Map.Entry<ISwc4jAst, List<HookCall>>> functions = new ArrayList<>(this.hookCalls.entrySet());
			functions.sort(Comparator.comparingInt((entry) -> entry.getKey().getSpan().getStart()));
			for (Map.Entry<ISwc4jAst, List<HookCall>> entry : functions) {
				sign(entry.getKey(), entry.getValue());
			}
		}

		private void sign(ISwc4jAst function, List<HookCall> calls) {
			calls.sort(Comparator.comparingInt(HookCall::start));
			StringBuilder key = new StringBuilder();
			List<String> customHooks = new ArrayList<>();
			boolean forceReset = this.forceResetFile;
			for (HookCall call : calls) {
				if (!key.isEmpty()) {
					key.append('\n');
				}
				key.append(call.name()).append('{').append(call.key()).append('}');
				if (!BUILT_IN_HOOKS.contains(call.name())) {
					String binding = (call.callee() instanceof Swc4jAstMemberExpr member
							&& member.getObj() instanceof Swc4jAstIdent object) ? object.getSym()
									: (call.callee() instanceof Swc4jAstIdent ident) ? ident.getSym() : null;
					if (binding != null && this.topLevelBindings.contains(binding)) {
						customHooks.add(source(call.callee()));
					}
					else {
						// out of scope where the signature is emitted: it may have
						// changed unseen
						forceReset = true;
					}
				}
			}
			ISwc4jAst node = (function instanceof Swc4jAstFunction fn) ? fn.getParent() : function;
			if (node == null || (function instanceof Swc4jAstFunction
					&& !(node instanceof Swc4jAstFnDecl || node instanceof Swc4jAstFnExpr))) {
				// methods and accessors: Babel signs functions and arrows only
				return;
			}
			ISwc4jAst body = (function instanceof Swc4jAstFunction fn) ? fn.getBody().orElse(null)
					: ((Swc4jAstArrowExpr) function).getBody();
			if (body == null) {
				return;
			}
			String name = "_s" + (this.signatureNames.isEmpty() ? "" : String.valueOf(this.signatureNames.size() + 1));
			StringBuilder arguments = new StringBuilder(", ").append(quote(key.toString()));
			if (forceReset || !customHooks.isEmpty()) {
				arguments.append(", ").append(forceReset);
			}
			if (!customHooks.isEmpty()) {
				arguments.append(", function () { return [").append(String.join(", ", customHooks)).append("]; }");
			}
			// The call that ties the function to its signature: after its statement when
			// it
			// has a name there (keeping the name the function infers), around it
			// otherwise
			String typeName = null;
			ISwc4jAst statement = null;
			if (node instanceof Swc4jAstFnDecl fnDecl) {
				typeName = fnDecl.getIdent().getSym();
				statement = (fnDecl.getParent() instanceof Swc4jAstExportDecl export) ? export : fnDecl;
			}
			else if (node.getParent() instanceof Swc4jAstExportDefaultDecl export) {
				Swc4jAstIdent ident = ((Swc4jAstFnExpr) node).getIdent().orElse(null);
				if (ident == null) {
					// an anonymous export default function: Babel leaves it unsigned
					return;
				}
				typeName = ident.getSym();
				statement = export;
			}
			else {
				Swc4jAstVarDeclarator declarator = declaratorNaming(node);
				if (declarator != null) {
					typeName = ((Swc4jAstBindingIdent) declarator.getName()).getId().getSym();
					statement = declarator.getParent();
					if (statement != null && statement.getParent() instanceof Swc4jAstExportDecl export) {
						statement = export;
					}
				}
			}
			if (statement != null && !isStatementOfBlock(statement)) {
				return;
			}
			this.signatureNames.add(name);
			this.signatureKeys.add(key.toString());
			if (body instanceof Swc4jAstBlockStmt) {
				insert(body.getSpan().getStart() + 1, 5, name + "();");
			}
			else {
				insert(body.getSpan().getStart(), 5, "(" + name + "(), ");
				insert(body.getSpan().getEnd(), 0, ")");
			}
			if (statement != null) {
				insert(statement.getSpan().getEnd(), 9, ";" + name + "(" + typeName + arguments + ");");
			}
			else {
				insert(node.getSpan().getStart(), 2, name + "(");
				insert(node.getSpan().getEnd(), 2, arguments + ")");
			}
		}

		private static @Nullable Swc4jAstVarDeclarator declaratorNaming(ISwc4jAst node) {
			ISwc4jAst parent = node.getParent();
			while (parent instanceof Swc4jAstParenExpr) {
				parent = parent.getParent();
			}
			if (parent instanceof Swc4jAstVarDeclarator declarator
					&& declarator.getName() instanceof Swc4jAstBindingIdent) {
				return declarator;
			}
			return null;
		}

		private static boolean isStatementOfBlock(ISwc4jAst statement) {
			ISwc4jAst parent = statement.getParent();
			return parent instanceof Swc4jAstModule || parent instanceof Swc4jAstBlockStmt;
		}

		private boolean allExportsAreComponents() {
			boolean any = false;
			for (ISwc4jAstModuleItem item : this.module.getBody()) {
				if (item instanceof Swc4jAstExportDecl export) {
					ISwc4jAst declaration = export.getDecl();
					if (declaration instanceof Swc4jAstFnDecl fn) {
						any = true;
						if (!this.registeredBindings.contains(fn.getIdent().getSym())) {
							return false;
						}
					}
					else if (declaration instanceof Swc4jAstClassDecl type) {
						any = true;
						if (!this.registeredBindings.contains(type.getIdent().getSym())) {
							return false;
						}
					}
					else if (declaration instanceof Swc4jAstVarDecl variables) {
						for (Swc4jAstVarDeclarator declarator : variables.getDecls()) {
							any = true;
							if (!(declarator.getName() instanceof Swc4jAstBindingIdent binding)
									|| !this.registeredBindings.contains(binding.getId().getSym())) {
								return false;
							}
						}
					}
					else if (declaration instanceof Swc4jAstTsEnumDecl
							|| (declaration instanceof Swc4jAstTsModuleDecl module && !module.isDeclare())) {
						return false;
					}
				}
				else if (item instanceof Swc4jAstExportDefaultDecl defaultDecl) {
					ISwc4jAst declaration = defaultDecl.getDecl();
					Swc4jAstIdent ident = (declaration instanceof Swc4jAstFnExpr fn) ? fn.getIdent().orElse(null)
							: (declaration instanceof Swc4jAstClassExpr type) ? type.getIdent().orElse(null) : null;
					if (declaration instanceof Swc4jAstFnExpr || declaration instanceof Swc4jAstClassExpr) {
						any = true;
						if (ident == null || !this.registeredBindings.contains(ident.getSym())) {
							return false;
						}
					}
				}
				else if (item instanceof Swc4jAstExportDefaultExpr defaultExpr) {
					any = true;
					ISwc4jAst expression = unwrap(defaultExpr.getExpr());
					boolean component = (expression instanceof Swc4jAstIdent ident)
							? this.registeredBindings.contains(ident.getSym()) : this.components.contains("%default%");
					if (!component) {
						return false;
					}
				}
				else if (item instanceof Swc4jAstNamedExport named) {
					if (named.isTypeOnly()) {
						continue;
					}
					if (named.getSrc().isPresent() && !named.getSpecifiers().isEmpty()) {
						return false;
					}
					for (ISwc4jAst specifier : named.getSpecifiers()) {
						if (specifier instanceof Swc4jAstExportNamedSpecifier namedSpecifier) {
							if (namedSpecifier.isTypeOnly()) {
								continue;
							}
							any = true;
							if (!(namedSpecifier.getOrig() instanceof Swc4jAstIdent orig)
									|| !this.registeredBindings.contains(orig.getSym())) {
								return false;
							}
						}
						else {
							return false;
						}
					}
				}
				else if (item instanceof Swc4jAstExportAll || item instanceof Swc4jAstTsExportAssignment) {
					return false;
				}
			}
			return any;
		}

		private String render(String moduleUrl, String runtimeUrl) {
			StringBuilder out = new StringBuilder(this.code.length() + 512);
			if (!this.signatureNames.isEmpty()) {
				// before the first statement, on its line: a module that renders while it
				// is evaluated calls these already
				int first = this.module.getBody().isEmpty() ? 0 : this.module.getBody().get(0).getSpan().getStart();
				StringBuilder declarations = new StringBuilder("var ");
				for (int i = 0; i < this.signatureNames.size(); i++) {
					declarations.append((i > 0) ? ", " : "")
						.append(this.signatureNames.get(i))
						.append(" = $RefreshSig$()");
				}
				insert(first, -1, declarations.append("; ").toString());
			}
			this.insertions.sort(Comparator.comparingInt(Insertion::position)
				.thenComparingInt(Insertion::priority)
				.thenComparingInt(Insertion::sequence));
			// the glue goes after the last line of code, before a trailing source map
			// comment of emitted JavaScript
			int end = this.code.length();
			int comment = this.code.lastIndexOf(SOURCE_MAP_COMMENT);
			if (comment >= 0) {
				int lineEnd = this.code.indexOf('\n', comment + 1);
				if (lineEnd < 0 || lineEnd == this.code.length() - 1) {
					end = comment + 1;
				}
			}
			int from = 0;
			for (Insertion insertion : this.insertions) {
				out.append(this.code, from, insertion.position()).append(insertion.text());
				from = insertion.position();
			}
			out.append(this.code, from, end);
			if (end == 0 || this.code.charAt(end - 1) != '\n') {
				out.append('\n');
			}
			out.append("import * as __hmrRefresh from ").append(quote(runtimeUrl)).append(";\n");
			out.append("function $RefreshReg$(type, id) { __hmrRefresh.register(type, ")
				.append(quote(moduleUrl + " "))
				.append(" + id); }\n");
			out.append("function $RefreshSig$() { return __hmrRefresh.createSignature(); }\n");
			if (!this.handles.isEmpty()) {
				out.append("var ").append(String.join(", ", this.handles)).append(";\n");
			}
			this.registrations.forEach((registration) -> out.append(registration).append('\n'));
			if (!this.registrations.isEmpty()) {
				out.append("if (import.meta.hot) { import.meta.hot.accept((next) => "
						+ "__hmrRefresh.update(import.meta.hot, next)); }\n");
			}
			return out.append(this.code, end, this.code.length()).toString();
		}

		private void insert(int position, int priority, String text) {
			this.insertions.add(new Insertion(charIndex(position), priority, this.insertions.size(), text));
		}

		private String source(ISwc4jAst node) {
			return this.code.substring(charIndex(node.getSpan().getStart()), charIndex(node.getSpan().getEnd()));
		}

		private static ISwc4jAst unwrap(ISwc4jAst node) {
			ISwc4jAst current = node;
			while (current instanceof Swc4jAstParenExpr paren) {
				current = paren.getExpr();
			}
			return current;
		}

		private static boolean isComponentishName(String name) {
			return !name.isEmpty() && name.charAt(0) >= 'A' && name.charAt(0) <= 'Z';
		}

		private static String quote(String value) {
			StringBuilder quoted = new StringBuilder("\"");
			for (char c : value.toCharArray()) {
				switch (c) {
					case '"' -> quoted.append("\\\"");
					case '\\' -> quoted.append("\\\\");
					case '\n' -> quoted.append("\\n");
					case '\r' -> quoted.append("\\r");
					case '\u2028' -> quoted.append("\\u2028");
					case '\u2029' -> quoted.append("\\u2029");
					default -> quoted.append(c);
				}
			}
			return quoted.append('"').toString();
		}

	}

	@FunctionalInterface
	private interface Registrar {

		void register(String persistentId, ISwc4jAst target, boolean wrappable);

	}

	private record HookCall(String name, String key, ISwc4jAst callee, int start) {

	}

	private record Insertion(int position, int priority, int sequence, String text) {

	}

}
