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

package dev.hmr.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Finds the imports, dynamic imports, {@code import.meta} occurrences and exported names
 * of an ES module without parsing it, giving the same records, at the same offsets, as
 * npm's {@code es-module-lexer} (the lexer Vite's import analysis runs on; checked
 * against version 2.3.2 by {@code EsModuleLexerDifferentialTests}).
 * <p>
 * One pass over the characters. Comments, strings, template literals (with nested
 * {@code ${…}}) and regular expressions are skipped; whether a {@code /} starts a regular
 * expression or is a division is decided as es-module-lexer decides it, from the previous
 * significant token and, after a closing bracket, from the token before the matching
 * opening one. Like es-module-lexer, it assumes the source is valid JavaScript and only
 * reports the errors it trips over (an unterminated string, template or regular
 * expression, unbalanced brackets) with a {@link SourceSyntaxException}.
 *
 * <p>
 * A Java port of es-module-lexer's state machine (MIT, Copyright (C) 2018-2022 Guy
 * Bedford; see NOTICE), kept in step with it by a differential test.
 *
 * @since 0.1.0
 */
public final class EsModuleLexer {

	private EsModuleLexer() {
	}

	/**
	 * Lex an ES module.
	 * @param source the module's source text
	 * @return the imports and exports, in source order
	 * @throws SourceSyntaxException if the source is not valid JavaScript in a way the
	 * lexer notices
	 */
	public static LexedModule parse(String source) {
		Assert.notNull(source, "'source' must not be null");
		return new Lexer(source).run();
	}

	private static final class PendingImport {

		final int statementStart;

		final int start;

		int end;

		int statementEnd;

		final int dynamic;

		int attributes = -1;

		final ImportSpecifier.Type type;

		boolean literal;

		PendingImport(int statementStart, int start, int end, int dynamic, ImportSpecifier.Type type) {
			this.statementStart = statementStart;
			this.start = start;
			this.end = end;
			this.dynamic = dynamic;
			this.type = type;
			if (dynamic == ImportSpecifier.STATIC) {
				this.statementEnd = end + 1;
				this.literal = true;
			}
			else if (dynamic == ImportSpecifier.IMPORT_META) {
				this.statementEnd = end;
			}
		}

	}

	private static final class Lexer {

		private static final byte ANY_PAREN = 0;

		private static final byte ANY_BRACKET = 1;

		private static final byte ANY_BRACE = 2;

		private static final byte CLASS_BRACE = 3;

		private static final byte TEMPLATE = 4;

		private static final byte TEMPLATE_BRACE = 5;

		private static final byte IMPORT_PAREN = 6;

		/**
		 * Value of {@code lastTokenPos} before the first token: reads as {@code '\0'}.
		 */
		private static final int NO_TOKEN = -1;

		private final String text;

		private final char[] src;

		private final int end;

		private int pos = -1;

		private int lastTokenPos = NO_TOKEN;

		private boolean lastSlashWasDivision;

		private boolean nextBraceIsClass;

		private int[] openTokenPos = new int[32];

		private byte[] openTokenKind = new byte[32];

		private int openTokenDepth;

		private PendingImport[] dynamicImportStack = new PendingImport[8];

		private int dynamicImportDepth;

		private final List<PendingImport> imports = new ArrayList<>();

		private int[] exportOffsets = new int[32];

		private int exportCount;

		Lexer(String text) {
			this.text = text;
			this.src = text.toCharArray();
			this.end = this.src.length - 1;
		}

		LexedModule run() {
			char[] src = this.src;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (ch == ' ' || ch < 14 && ch > 8) {
					continue;
				}
				consumeToken(ch);
			}
			if (this.openTokenDepth != 0 || this.dynamicImportDepth != 0) {
				throw syntaxError();
			}
			return new LexedModule(importSpecifiers(), exportSpecifiers());
		}

		private void consumeToken(char ch) {
			boolean comment = false;
			switch (ch) {
				case 'e' -> {
					if (this.openTokenDepth == 0 && keywordStart(this.pos) && matches(this.pos + 1, "xport")) {
						tryParseExportStatement();
					}
					else {
						skipTokenRun();
					}
				}
				case 'i' -> {
					if (at(this.pos + 1) == 'm' && keywordStart(this.pos) && matches(this.pos + 2, "port")) {
						tryParseImportStatement();
					}
					else {
						skipTokenRun();
					}
				}
				case 'c' -> {
					if (at(this.pos + 1) == 'l' && keywordStart(this.pos) && matches(this.pos + 2, "ass")
							&& isBrOrWs(at(this.pos + 5))) {
						this.nextBraceIsClass = true;
					}
					skipTokenRun();
				}
				case '(' -> pushOpenToken(ANY_PAREN, this.lastTokenPos);
				case '[' -> pushOpenToken(ANY_BRACKET, this.lastTokenPos);
				case ']' -> {
					if (this.openTokenDepth == 0) {
						throw syntaxError();
					}
					this.openTokenDepth--;
				}
				case ',' -> dynamicImportComma();
				case ')' -> closeParen();
				case '{' -> openBrace();
				case '}' -> {
					if (this.openTokenDepth == 0) {
						throw syntaxError();
					}
					if (this.openTokenKind[--this.openTokenDepth] == TEMPLATE_BRACE) {
						templateString();
					}
				}
				case '\'', '"' -> stringLiteral(ch);
				case '/' -> comment = slash();
				case '`' -> {
					// the only entry whose position is not a token before it: an error
					// names it as where the template starts
					pushOpenToken(TEMPLATE, this.pos);
					templateString();
				}
				default -> {
					if (isTokenRunChar(ch)) {
						skipTokenRun();
					}
				}
			}
			if (!comment) {
				this.lastTokenPos = this.pos;
			}
		}

		private void skipTokenRun() {
			char[] src = this.src;
			int p = this.pos + 1;
			while (p < src.length && isTokenRunChar(src[p])) {
				p++;
			}
			this.pos = p - 1;
		}

		private void dynamicImportComma() {
			if (this.dynamicImportDepth > 0 && this.openTokenDepth > 0
					&& this.openTokenKind[this.openTokenDepth - 1] == IMPORT_PAREN) {
				// the innermost import paren, which may be an obj.import( call that was
				// not
				// recorded: es-module-lexer then ends the recorded import there, so do we
				PendingImport current = this.dynamicImportStack[this.dynamicImportDepth - 1];
				if (current.end == 0) {
					current.end = this.lastTokenPos + 1;
					this.pos++;
					commentWhitespace(true);
					current.attributes = this.pos;
					this.pos--;
				}
			}
		}

		private void closeParen() {
			if (this.openTokenDepth == 0) {
				throw syntaxError();
			}
			this.openTokenDepth--;
			if (this.dynamicImportDepth > 0 && this.openTokenKind[this.openTokenDepth] == IMPORT_PAREN) {
				PendingImport current = this.dynamicImportStack[this.dynamicImportDepth - 1];
				if (current.end == 0) {
					current.end = this.lastTokenPos + 1;
				}
				current.statementEnd = this.pos + 1;
				this.dynamicImportDepth--;
			}
		}

		private void openBrace() {
			// "import (…) {" is a method named import, not a dynamic import: the
			// lexer cannot tell { import() {} } from { import() } before the brace
			if (at(this.lastTokenPos) == ')' && !this.imports.isEmpty()) {
				PendingImport last = this.imports.get(this.imports.size() - 1);
				if (last.statementEnd == this.lastTokenPos + 1) {
					this.imports.remove(this.imports.size() - 1);
				}
			}
			pushOpenToken(this.nextBraceIsClass ? CLASS_BRACE : ANY_BRACE, this.lastTokenPos);
			this.nextBraceIsClass = false;
		}

		private boolean slash() {
			char next = at(this.pos + 1);
			if (next == '/') {
				lineComment();
				return true;
			}
			if (next == '*') {
				blockComment(true);
				return true;
			}
			if (isRegularExpressionStart()) {
				regularExpression();
				this.lastSlashWasDivision = false;
			}
			else {
				this.lastSlashWasDivision = true;
			}
			return false;
		}

		private boolean isRegularExpressionStart() {
			int last = this.lastTokenPos;
			char lastToken = at(last);
			if (isExpressionPunctuator(lastToken) && !(lastToken == '.' && isDigit(at(last - 1)))
					&& !(lastToken == '+' && at(last - 1) == '+') && !(lastToken == '-' && at(last - 1) == '-')) {
				return true;
			}
			int depth = this.openTokenDepth;
			if (lastToken == ')' && isParenKeyword(this.openTokenPos[depth])) {
				return true;
			}
			if (depth > 0 && this.openTokenKind[depth - 1] == ANY_PAREN && lastToken == 'f' && at(last - 1) == 'o'
					&& isForOfBinding(last - 2) && readPrecedingKeyword(this.openTokenPos[depth - 1], "for")) {
				return true;
			}
			if (lastToken == '}'
					&& (isExpressionTerminator(this.openTokenPos[depth]) || this.openTokenKind[depth] == CLASS_BRACE)) {
				return true;
			}
			if (isExpressionKeyword(last) || lastToken == '/' && this.lastSlashWasDivision || lastToken == 0) {
				return true;
			}
			if (this.exportCount > 0) {
				// export default /regexp/
				int exportStart = this.exportOffsets[(this.exportCount - 1) * 4];
				int exportEnd = this.exportOffsets[(this.exportCount - 1) * 4 + 1];
				if (last >= exportStart && last <= exportEnd) {
					return true;
				}
			}
			// break label /regexp/, continue label /regexp/
			int p = last;
			while (p > 0 && !isBrOrWsOrPunctuatorNotDot(at(--p))) {
			}
			if (isWsNotBr(at(p))) {
				while (p > 0 && isWsNotBr(at(--p))) {
				}
				return isBreakOrContinue(p);
			}
			return false;
		}

		private void tryParseImportStatement() {
			int startPos = this.pos;
			this.pos += 6;
			char ch = commentWhitespace(true);
			int maybePhasePos = this.pos;
			int phase = 0;
			if (ch == '.') {
				this.pos++;
				ch = commentWhitespace(true);
				boolean notMember = isSpread(this.lastTokenPos) || at(this.lastTokenPos) != '.';
				if (ch == 'm' && matches(this.pos + 1, "eta") && notMember) {
					this.imports.add(new PendingImport(startPos, startPos, this.pos + 4, ImportSpecifier.IMPORT_META,
							ImportSpecifier.Type.IMPORT_META));
					return;
				}
				if (ch == 's' && matches(this.pos + 1, "ource") && notMember) {
					phase = 1;
					this.pos += 6;
					ch = commentWhitespace(true);
				}
				else if (ch == 'd' && matches(this.pos + 1, "efer") && notMember) {
					phase = 2;
					this.pos += 5;
					ch = commentWhitespace(true);
				}
				else {
					return;
				}
			}
			else if (this.pos > startPos + 6 && ch == 's' && matches(this.pos + 1, "ource")
					&& isBrOrWs(at(this.pos + 6))) {
				phase = 1;
				this.pos += 6;
				ch = commentWhitespace(true);
				// "import source from 'x'" and "import source, {…}" bind a name "source"
				if (this.pos == maybePhasePos + 6 || ch == ','
						|| ch == 'f' && matches(this.pos + 1, "rom") && isBrOrWsOrPunctuatorNotDot(at(this.pos + 4))) {
					this.pos = maybePhasePos;
					ch = this.src[this.pos];
					phase = 0;
				}
			}
			else if (ch == 'd' && matches(this.pos + 1, "efer") && isBrOrWs(at(this.pos + 5))) {
				phase = 2;
				this.pos += 5;
				ch = commentWhitespace(true);
				if (ch != '*') {
					// es-module-lexer keeps the character after "defer" here
					this.pos = maybePhasePos;
					phase = 0;
				}
			}

			if (ch == '(') {
				dynamicImport(startPos, phase);
				return;
			}
			if (ch == '{' && phase == 0) {
				// an import statement is only permitted at the top level
				if (this.openTokenDepth != 0) {
					this.pos--;
					return;
				}
				while (this.pos < this.end) {
					ch = commentWhitespace(true);
					if (isQuote(ch)) {
						stringLiteral(ch);
					}
					else if (ch == '}') {
						this.pos++;
						break;
					}
					this.pos++;
				}
				ch = commentWhitespace(true);
				if (ch == 'f' && !matches(this.pos + 1, "rom")) {
					throw syntaxError();
				}
				this.pos += 4;
				ch = commentWhitespace(true);
				if (!isQuote(ch)) {
					throw syntaxError();
				}
				readImportString(startPos, ch, 0);
				return;
			}
			// no space after "import": not the keyword
			if (!(isQuote(ch) || ch == '*') && this.pos == startPos + 6) {
				this.pos--;
				return;
			}
			if (phase == 2 && ch != '*' || this.openTokenDepth != 0) {
				this.pos--;
				return;
			}
			while (this.pos < this.end) {
				ch = this.src[this.pos];
				if (isQuote(ch)) {
					readImportString(startPos, ch, phase);
					return;
				}
				this.pos++;
			}
			throw syntaxError();
		}

		private void dynamicImport(int startPos, int phase) {
			int parenPos = this.pos;
			pushOpenToken(IMPORT_PAREN, parenPos);
			if (at(this.lastTokenPos) == '.') {
				// obj.import(…)
				return;
			}
			this.pos++;
			char ch = commentWhitespace(true);
			ImportSpecifier.Type type = (phase == 0) ? ImportSpecifier.Type.DYNAMIC : (phase == 1)
					? ImportSpecifier.Type.DYNAMIC_SOURCE_PHASE : ImportSpecifier.Type.DYNAMIC_DEFER_PHASE;
			PendingImport pending = new PendingImport(startPos, this.pos, 0, parenPos, type);
			this.imports.add(pending);
			if (this.dynamicImportDepth == this.dynamicImportStack.length) {
				this.dynamicImportStack = Arrays.copyOf(this.dynamicImportStack, this.dynamicImportDepth * 2);
			}
			this.dynamicImportStack[this.dynamicImportDepth++] = pending;
			if (isQuote(ch)) {
				stringLiteral(ch);
			}
			else if (ch != '`' || !noSubstitutionTemplate()) {
				this.pos--;
				return;
			}
			this.pos++;
			int endPos = this.pos;
			ch = commentWhitespace(true);
			if (ch == ',') {
				this.pos++;
				commentWhitespace(true);
				pending.end = endPos;
				pending.attributes = this.pos;
				pending.literal = true;
				this.pos--;
			}
			else if (ch == ')') {
				this.openTokenDepth--;
				pending.end = endPos;
				pending.statementEnd = this.pos + 1;
				pending.literal = true;
				this.dynamicImportDepth--;
			}
			else {
				this.pos--;
			}
		}

		private void readImportString(int statementStart, char quote, int phase) {
			int startPos = this.pos + 1;
			if (!isQuote(quote)) {
				throw syntaxError();
			}
			stringLiteral(quote);
			ImportSpecifier.Type type = (phase == 0) ? ImportSpecifier.Type.STATIC
					: (phase == 1) ? ImportSpecifier.Type.STATIC_SOURCE_PHASE : ImportSpecifier.Type.STATIC_DEFER_PHASE;
			PendingImport pending = new PendingImport(statementStart, startPos, this.pos, ImportSpecifier.STATIC, type);
			this.imports.add(pending);
			this.pos++;
			char ch = commentWhitespace(false);
			if (!(ch == 'w' && matches(this.pos + 1, "ith"))) {
				this.pos--;
				return;
			}
			int withPos = this.pos;
			this.pos += 4;
			ch = commentWhitespace(true);
			if (ch != '{') {
				this.pos = withPos;
				return;
			}
			int attributesStart = this.pos;
			do {
				this.pos++;
				ch = commentWhitespace(true);
				if (isQuote(ch)) {
					stringLiteral(ch);
					this.pos++;
					ch = commentWhitespace(true);
				}
				else {
					ch = readToWsOrPunctuator(ch);
				}
				if (ch != ':') {
					this.pos = withPos;
					return;
				}
				this.pos++;
				ch = commentWhitespace(true);
				if (!isQuote(ch)) {
					this.pos = withPos;
					return;
				}
				stringLiteral(ch);
				this.pos++;
				ch = commentWhitespace(true);
				if (ch == ',') {
					// es-module-lexer steps twice after a comma, so "{ a: 'b', }"
					// (trailing comma) is not read as attributes: kept for parity
					this.pos++;
					continue;
				}
				if (ch == '}') {
					break;
				}
				this.pos = withPos;
				return;
			}
			while (true);
			pending.attributes = attributesStart;
			pending.statementEnd = this.pos + 1;
		}

		private void tryParseExportStatement() {
			int statementStart = this.pos;
			int previousExportCount = this.exportCount;
			this.pos += 6;
			int afterKeyword = this.pos;
			char ch = commentWhitespace(true);
			if (this.pos == afterKeyword && !isPunctuator(ch)) {
				// "exports", "exported"…
				return;
			}
			if (ch == '{') {
				this.pos++;
				ch = commentWhitespace(true);
				while (true) {
					int startPos = this.pos;
					if (!isQuote(ch)) {
						ch = readToWsOrPunctuator(ch);
					}
					else {
						stringLiteral(ch);
						this.pos++;
					}
					int endPos = this.pos;
					commentWhitespace(true);
					ch = readExportAs(startPos, endPos);
					if (ch == ',') {
						this.pos++;
						ch = commentWhitespace(true);
					}
					if (ch == '}') {
						break;
					}
					if (this.pos == startPos || this.pos > this.end) {
						throw syntaxError();
					}
				}
				this.pos++;
				ch = commentWhitespace(true);
			}
			else if (ch == '*') {
				this.pos++;
				commentWhitespace(true);
				ch = readExportAs(this.pos, this.pos);
				ch = commentWhitespace(true);
			}
			else {
				exportDeclaration(ch);
				return;
			}
			if (ch == 'f' && matches(this.pos + 1, "rom")) {
				this.pos += 4;
				readImportString(statementStart, commentWhitespace(true), 0);
				// re-exported names have no local binding
				for (int i = previousExportCount; i < this.exportCount; i++) {
					this.exportOffsets[i * 4 + 2] = -1;
					this.exportOffsets[i * 4 + 3] = -1;
				}
			}
			else {
				this.pos--;
			}
		}

		private void exportDeclaration(char first) {
			char ch = first;
			switch (ch) {
				case 'd' -> exportDefault();
				case 'a', 'f' -> {
					if (ch == 'a') {
						// async
						this.pos += 5;
						commentWhitespace(false);
					}
					this.pos += 8;
					ch = commentWhitespace(true);
					if (ch == '*') {
						this.pos++;
						ch = commentWhitespace(true);
					}
					int startPos = this.pos;
					readToWsOrPunctuator(ch);
					addExport(startPos, this.pos, startPos, this.pos);
					this.pos--;
				}
				case 'c', 'v', 'l' -> {
					if (ch == 'c') {
						if (matches(this.pos + 1, "lass") && isBrOrWsOrPunctuatorNotDot(at(this.pos + 5))) {
							this.pos += 5;
							ch = commentWhitespace(true);
							int startPos = this.pos;
							readToWsOrPunctuator(ch);
							addExport(startPos, this.pos, startPos, this.pos);
							this.pos--;
							return;
						}
						// const
						this.pos += 2;
					}
					this.pos += 3;
					ch = commentWhitespace(true);
					while (this.pos <= this.end) {
						int bindingStart = this.pos;
						ch = readBindingTarget(ch);
						if (this.pos == bindingStart) {
							break;
						}
						if (ch == '=') {
							ch = skipExpression(true);
						}
						if (ch != ',') {
							break;
						}
						this.pos++;
						ch = commentWhitespace(true);
					}
					this.pos--;
				}
				default -> {
				}
			}
		}

		private void exportDefault() {
			int startPos = this.pos;
			this.pos += 7;
			char ch = commentWhitespace(true);
			boolean localName = false;
			if (ch == 'a' && matches(this.pos + 1, "sync") && isWsNotBr(at(this.pos + 5))) {
				this.pos += 5;
				ch = commentWhitespace(false);
			}
			else if (ch == 'a') {
				ch = 0;
			}
			if (ch == 'f') {
				char after = at(this.pos + 8);
				if (matches(this.pos + 1, "unction") && (isBrOrWs(after) || after == '*' || after == '(')) {
					this.pos += 8;
					ch = commentWhitespace(true);
					if (ch == '*') {
						this.pos++;
						ch = commentWhitespace(true);
					}
					localName = ch != '(';
				}
			}
			else if (ch == 'c') {
				char after = at(this.pos + 5);
				if (matches(this.pos + 1, "lass") && (isBrOrWs(after) || after == '{')) {
					this.pos += 5;
					ch = commentWhitespace(true);
					localName = ch != '{';
				}
			}
			if (localName) {
				int localStart = this.pos;
				readToWsOrPunctuator(ch);
				if (this.pos > localStart) {
					addExport(startPos, startPos + 7, localStart, this.pos);
					this.pos--;
					return;
				}
			}
			addExport(startPos, startPos + 7, -1, -1);
			this.pos = startPos + 6;
		}

		private char readExportAs(int startPos, int endPos) {
			char ch = at(this.pos);
			int localStart = (startPos == endPos) ? -1 : startPos;
			int localEnd = (startPos == endPos) ? -1 : endPos;
			if (ch == 'a') {
				this.pos += 2;
				ch = commentWhitespace(true);
				startPos = this.pos;
				if (!isQuote(ch)) {
					readToWsOrPunctuator(ch);
				}
				else {
					stringLiteral(ch);
					this.pos++;
				}
				endPos = this.pos;
				ch = commentWhitespace(true);
			}
			if (this.pos != startPos) {
				addExport(startPos, endPos, localStart, localEnd);
			}
			return ch;
		}

		private char readBindingTarget(char ch) {
			if (ch == '{' || ch == '[') {
				readBindingPattern();
				this.pos++;
			}
			else {
				int nameStart = this.pos;
				readToWsOrPunctuator(ch);
				if (this.pos > nameStart) {
					addExport(nameStart, this.pos, nameStart, this.pos);
				}
			}
			return commentWhitespace(true);
		}

		private void readBindingPattern() {
			boolean object = this.src[this.pos] == '{';
			char close = object ? '}' : ']';
			this.pos++;
			char ch = commentWhitespace(true);
			while (ch != close && this.pos <= this.end) {
				if (ch == '.' && at(this.pos + 1) == '.' && at(this.pos + 2) == '.') {
					this.pos += 3;
					ch = commentWhitespace(true);
					ch = readBindingTarget(ch);
					continue;
				}
				if (object) {
					int keyStart = this.pos;
					int keyEnd = this.pos;
					if (ch == '[') {
						skipExpression(false);
						this.pos++;
						ch = commentWhitespace(true);
					}
					else if (isQuote(ch)) {
						stringLiteral(ch);
						this.pos++;
						ch = commentWhitespace(true);
					}
					else if (isDigit(ch)) {
						skipNumber();
						ch = commentWhitespace(true);
					}
					else {
						readToWsOrPunctuator(ch);
						keyEnd = this.pos;
						ch = commentWhitespace(true);
					}
					if (ch == ':') {
						this.pos++;
						ch = commentWhitespace(true);
						ch = readBindingTarget(ch);
					}
					else if (keyEnd > keyStart) {
						addExport(keyStart, keyEnd, keyStart, keyEnd);
					}
				}
				else if (ch == ',') {
					// array elision
					this.pos++;
					ch = commentWhitespace(true);
					continue;
				}
				else {
					ch = readBindingTarget(ch);
				}
				if (ch == '=') {
					ch = skipExpression(false);
				}
				if (ch != ',') {
					break;
				}
				this.pos++;
				ch = commentWhitespace(true);
			}
		}

		private void skipNumber() {
			char ch = at(++this.pos);
			while (isDigit(ch) || ch == '.' || ch == '_' || ch == 'e' || ch == 'E' || ch == 'n' || ch == 'x'
					|| ch == 'X' || ch == 'b' || ch == 'B' || ch == 'o' || ch == 'O' || (ch >= 'a' && ch <= 'f')
					|| (ch >= 'A' && ch <= 'F')
					|| ((ch == '+' || ch == '-') && (at(this.pos - 1) == 'e' || at(this.pos - 1) == 'E'))) {
				ch = at(++this.pos);
			}
		}

		/**
		 * Skip an initializer or default value with the main tokenizer (so imports in it
		 * are found), up to the terminator at the entry depth: {@code ,}, {@code ;}, an
		 * enclosing closer, or (with {@code asi}) a line break after a value.
		 */
		private char skipExpression(boolean asi) {
			int baseDepth = this.openTokenDepth;
			boolean lastWasValue = false;
			this.lastTokenPos = this.pos;
			while (this.pos++ < this.end) {
				char ch = this.src[this.pos];
				if (isWsNotBr(ch)) {
					continue;
				}
				if (this.openTokenDepth == baseDepth) {
					if (ch == ',' || ch == ';' || ch == ')' || ch == ']' || ch == '}') {
						return ch;
					}
					if (asi && lastWasValue && isBr(ch)) {
						return ch;
					}
				}
				if (isBr(ch)) {
					continue;
				}
				int before = this.lastTokenPos;
				consumeToken(ch);
				if (this.lastTokenPos == before) {
					// a comment; a line comment stops on the line break that ends the
					// value
					if (asi && this.openTokenDepth == baseDepth && lastWasValue && isBr(at(this.pos))) {
						return at(this.pos);
					}
				}
				else {
					lastWasValue = (ch == '/') ? !this.lastSlashWasDivision
							: isValueChar(ch) || ch == ')' || ch == ']' || ch == '}' || isQuote(ch) || ch == '`';
				}
			}
			return 0;
		}

		private char commentWhitespace(boolean lineBreaks) {
			char ch;
			do {
				ch = at(this.pos);
				if (ch == '/') {
					char next = at(this.pos + 1);
					if (next == '/') {
						lineComment();
					}
					else if (next == '*') {
						blockComment(lineBreaks);
					}
					else {
						return ch;
					}
				}
				else if (lineBreaks ? !isBrOrWs(ch) : !isWsNotBr(ch)) {
					return ch;
				}
			}
			while (this.pos++ < this.end);
			return ch;
		}

		private void templateString() {
			char[] src = this.src;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (ch == '$' && at(this.pos + 1) == '{') {
					this.pos++;
					pushOpenToken(TEMPLATE_BRACE, this.pos);
					return;
				}
				if (ch == '`') {
					if (this.openTokenDepth == 0 || this.openTokenKind[--this.openTokenDepth] != TEMPLATE) {
						throw syntaxError();
					}
					return;
				}
				if (ch == '\\') {
					this.pos++;
				}
			}
			// the innermost template is on top: its ${…} were closed
			throw syntaxError(this.openTokenPos[this.openTokenDepth - 1]);
		}

		private boolean noSubstitutionTemplate() {
			int startPos = this.pos;
			char[] src = this.src;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (ch == '`') {
					return true;
				}
				if (ch == '\\') {
					this.pos++;
				}
				else if (ch == '$' && at(this.pos + 1) == '{') {
					break;
				}
			}
			this.pos = startPos;
			return false;
		}

		private void blockComment(boolean lineBreaks) {
			char[] src = this.src;
			this.pos++;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (!lineBreaks && isBr(ch)) {
					return;
				}
				if (ch == '*' && at(this.pos + 1) == '/') {
					this.pos++;
					return;
				}
			}
		}

		private void lineComment() {
			char[] src = this.src;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (ch == '\n' || ch == '\r') {
					return;
				}
			}
		}

		private void stringLiteral(char quote) {
			char[] src = this.src;
			int start = this.pos;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (ch == quote) {
					return;
				}
				if (ch == '\\') {
					ch = at(++this.pos);
					if (ch == '\r' && at(this.pos + 1) == '\n') {
						this.pos++;
					}
				}
				else if (isBr(ch)) {
					break;
				}
			}
			throw syntaxError(start);
		}

		private void regularExpression() {
			char[] src = this.src;
			int start = this.pos;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (ch == '/') {
					return;
				}
				if (ch == '[') {
					if (!regularExpressionCharacterClass()) {
						break;
					}
				}
				else if (ch == '\\') {
					this.pos++;
				}
				else if (ch == '\n' || ch == '\r') {
					break;
				}
			}
			throw syntaxError(start);
		}

		/**
		 * Skip a character class; {@code false} if a line break or the end comes first.
		 */
		private boolean regularExpressionCharacterClass() {
			char[] src = this.src;
			while (this.pos++ < this.end) {
				char ch = src[this.pos];
				if (ch == ']') {
					return true;
				}
				if (ch == '\\') {
					this.pos++;
				}
				else if (ch == '\n' || ch == '\r') {
					return false;
				}
			}
			return false;
		}

		private char readToWsOrPunctuator(char ch) {
			while (true) {
				if (isBrOrWs(ch) || isPunctuator(ch)) {
					return ch;
				}
				ch = at(++this.pos);
				if (ch == 0) {
					return ch;
				}
			}
		}

		private void pushOpenToken(byte kind, int position) {
			// one spare slot: the entry just above the top is read after a pop
			if (this.openTokenDepth + 1 >= this.openTokenPos.length) {
				this.openTokenPos = Arrays.copyOf(this.openTokenPos, this.openTokenPos.length * 2);
				this.openTokenKind = Arrays.copyOf(this.openTokenKind, this.openTokenKind.length * 2);
			}
			this.openTokenKind[this.openTokenDepth] = kind;
			this.openTokenPos[this.openTokenDepth++] = position;
		}

		private void addExport(int start, int end, int localStart, int localEnd) {
			int index = this.exportCount * 4;
			if (index + 4 > this.exportOffsets.length) {
				this.exportOffsets = Arrays.copyOf(this.exportOffsets, this.exportOffsets.length * 2);
			}
			this.exportOffsets[index] = start;
			this.exportOffsets[index + 1] = end;
			this.exportOffsets[index + 2] = localStart;
			this.exportOffsets[index + 3] = localEnd;
			this.exportCount++;
		}

		private char at(int index) {
			return (index >= 0 && index < this.src.length) ? this.src[index] : 0;
		}

		private boolean matches(int index, String expected) {
			if (index < 0 || index + expected.length() > this.src.length) {
				return false;
			}
			for (int i = 0; i < expected.length(); i++) {
				if (this.src[index + i] != expected.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		private boolean isSpread(int index) {
			return at(index) == '.' && at(index - 1) == '.' && at(index - 2) == '.';
		}

		private boolean keywordStart(int index) {
			return index == 0 || isBrOrWsOrPunctuatorOrSpreadNotDot(index - 1);
		}

		private boolean isBrOrWsOrPunctuatorOrSpreadNotDot(int index) {
			char c = at(index);
			return c > 8 && c < 14 || c == 32 || c == 160 || isPunctuator(c) && (c != '.' || isSpread(index));
		}

		/** Whether the keyword ends at {@code index} and starts a token. */
		private boolean readPrecedingKeyword(int index, String keyword) {
			int start = index - keyword.length() + 1;
			if (start < 0 || !matches(start, keyword)) {
				return false;
			}
			return start == 0 || isBrOrWsOrPunctuatorOrSpreadNotDot(start - 1);
		}

		private boolean readPrecedingKeyword(int index, char keyword) {
			if (index < 0) {
				return false;
			}
			return at(index) == keyword && (index == 0 || isBrOrWsOrPunctuatorNotDot(at(index - 1)));
		}

		/**
		 * Whether the token ending at {@code index} is one of case, debugger, delete, do,
		 * else, in, instanceof, new, return, throw, typeof, void, yield, await, break or
		 * continue: a keyword after which a slash starts a regular expression.
		 */
		private boolean isExpressionKeyword(int index) {
			switch (at(index)) {
				case 'd':
					return switch (at(index - 1)) {
						case 'i' -> readPrecedingKeyword(index - 2, "vo");
						case 'l' -> readPrecedingKeyword(index - 2, "yie");
						default -> false;
					};
				case 'e':
					switch (at(index - 1)) {
						case 's':
							return switch (at(index - 2)) {
								case 'l' -> readPrecedingKeyword(index - 3, 'e');
								case 'a' -> readPrecedingKeyword(index - 3, 'c');
								default -> false;
							};
						case 't':
							return readPrecedingKeyword(index - 2, "dele");
						case 'u':
							return readPrecedingKeyword(index - 2, "contin");
						default:
							return false;
					}
				case 'f':
					if (at(index - 1) != 'o' || at(index - 2) != 'e') {
						return false;
					}
					return switch (at(index - 3)) {
						case 'c' -> readPrecedingKeyword(index - 4, "instan");
						case 'p' -> readPrecedingKeyword(index - 4, "ty");
						default -> false;
					};
				case 'k':
					return readPrecedingKeyword(index - 1, "brea");
				case 'n':
					return readPrecedingKeyword(index - 1, 'i') || readPrecedingKeyword(index - 1, "retur");
				case 'o':
					return readPrecedingKeyword(index - 1, 'd');
				case 'r':
					return readPrecedingKeyword(index - 1, "debugge");
				case 't':
					return readPrecedingKeyword(index - 1, "awai");
				case 'w':
					return switch (at(index - 1)) {
						case 'e' -> readPrecedingKeyword(index - 2, 'n');
						case 'o' -> readPrecedingKeyword(index - 2, "thr");
						default -> false;
					};
				default:
					return false;
			}
		}

		private boolean isBreakOrContinue(int index) {
			return switch (at(index)) {
				case 'k' -> readPrecedingKeyword(index - 1, "brea");
				case 'e' -> at(index - 1) == 'u' && readPrecedingKeyword(index - 2, "contin");
				default -> false;
			};
		}

		private boolean isParenKeyword(int index) {
			return readPrecedingKeyword(index, "while") || readPrecedingKeyword(index, "for")
					|| readPrecedingKeyword(index, "if");
		}

		/**
		 * Whether the token at {@code index} (before an opening brace) makes that brace a
		 * statement block: {@code =>}, {@code ;}, {@code )}, {@code finally},
		 * {@code catch}, {@code else}.
		 */
		private boolean isExpressionTerminator(int index) {
			return switch (at(index)) {
				case '>' -> at(index - 1) == '=';
				case ';', ')' -> true;
				case 'h' -> readPrecedingKeyword(index - 1, "catc");
				case 'y' -> readPrecedingKeyword(index - 1, "finall");
				case 'e' -> readPrecedingKeyword(index - 1, "els");
				default -> false;
			};
		}

		/**
		 * Whether the text ending at {@code index} ends a for-of binding, so that
		 * {@code of} before it is the keyword ({@code for (const x of /re/g)}).
		 */
		private boolean isForOfBinding(int index) {
			char c = at(index);
			if (!isBrOrWs(c) && c != ']' && c != '}' && c != ')') {
				return false;
			}
			while (index > 0 && isBrOrWs(at(index))) {
				index--;
			}
			c = at(index);
			return c == ']' || c == '}' || c == ')' || !isPunctuator(c);
		}

		private List<ImportSpecifier> importSpecifiers() {
			List<ImportSpecifier> result = new ArrayList<>(this.imports.size());
			for (PendingImport pending : this.imports) {
				String specifier = null;
				if (pending.literal) {
					// es-module-lexer evaluates the literal (quotes included) and leaves
					// the name undefined when that fails
					specifier = (pending.dynamic == ImportSpecifier.STATIC)
							? JsStrings.evaluate(this.src, pending.start - 1, pending.end + 1)
							: JsStrings.evaluate(this.src, pending.start, pending.end);
				}
				result.add(new ImportSpecifier(pending.type, specifier, pending.start, pending.end,
						pending.statementStart, pending.statementEnd, pending.dynamic, pending.attributes));
			}
			return result;
		}

		private List<ExportSpecifier> exportSpecifiers() {
			List<ExportSpecifier> result = new ArrayList<>(this.exportCount);
			for (int i = 0; i < this.exportCount; i++) {
				int start = this.exportOffsets[i * 4];
				int end = this.exportOffsets[i * 4 + 1];
				int localStart = this.exportOffsets[i * 4 + 2];
				int localEnd = this.exportOffsets[i * 4 + 3];
				String localName = (localStart != -1) ? name(localStart, localEnd) : null;
				result.add(new ExportSpecifier(name(start, end), localName, start, end, localStart, localEnd));
			}
			return result;
		}

		/**
		 * The name in {@code [start, end)}: a quoted name is evaluated, and kept as
		 * written when that fails or gives an empty string (as es-module-lexer does).
		 */
		private String name(int start, int end) {
			// an unterminated comment can leave the offsets past the end
			int from = Math.min(start, this.src.length);
			String raw = this.text.substring(from, Math.max(from, Math.min(end, this.src.length)));
			if (!raw.isEmpty() && isQuote(raw.charAt(0))) {
				String value = JsStrings.evaluate(this.src, start, end);
				return (value != null && !value.isEmpty()) ? value : raw;
			}
			return raw;
		}

		private SourceSyntaxException syntaxError() {
			return syntaxError(Math.min(this.pos, this.src.length));
		}

		private SourceSyntaxException syntaxError(int position) {
			int line = 1;
			int lineStart = 0;
			for (int i = 0; i < position && i < this.src.length; i++) {
				if (this.src[i] == '\n') {
					line++;
					lineStart = i + 1;
				}
			}
			return new SourceSyntaxException("Parse error at " + line + ":" + (position - lineStart + 1), position);
		}

		private static boolean isTokenRunChar(char c) {
			return (char) ((c | 32) - 'a') < 26 || (char) (c - '0') < 10 || c == '$' || c == '_' || c == '\\'
					|| (c > 127 && c != 160);
		}

		private static boolean isValueChar(char c) {
			return (char) ((c | 32) - 'a') < 26 || (char) (c - '0') < 10 || c == '_' || c == '$' || c >= 128;
		}

		private static boolean isDigit(char c) {
			return c >= '0' && c <= '9';
		}

		private static boolean isQuote(char c) {
			return c == '\'' || c == '"';
		}

		private static boolean isBr(char c) {
			return c == '\r' || c == '\n';
		}

		private static boolean isWsNotBr(char c) {
			return c == 9 || c == 11 || c == 12 || c == 32 || c == 160;
		}

		private static boolean isBrOrWs(char c) {
			return c > 8 && c < 14 || c == 32 || c == 160;
		}

		private static boolean isBrOrWsOrPunctuatorNotDot(char c) {
			return c > 8 && c < 14 || c == 32 || c == 160 || isPunctuator(c) && c != '.';
		}

		/** One of {@code !%&()*+,-./:;<=>?[]^{|}~}. */
		private static boolean isPunctuator(char c) {
			return c == '!' || c == '%' || c == '&' || c > 39 && c < 48 || c > 57 && c < 64 || c == '[' || c == ']'
					|| c == '^' || c > 122 && c < 127;
		}

		/**
		 * A punctuator after which an expression starts: {@code !%&(*+,-.:;<=>?[^{|~}.
		 */
		private static boolean isExpressionPunctuator(char c) {
			return c == '!' || c == '%' || c == '&' || c > 39 && c < 47 && c != 41 || c > 57 && c < 64 || c == '['
					|| c == '^' || c > 122 && c < 127 && c != '}';
		}

	}

}
