package dev.runbookshell.session;

/**
 * A here-document operator ({@code <<EOF}, {@code <<-'EOF'}, {@code <<\EOF}) as {@link ShellScan} reads it; its
 * body starts on the next line.
 *
 * @param delimiter the line that ends the body, quotes removed
 * @param quoted whether the delimiter was quoted (the body is then not expanded)
 * @param stripTabs {@code <<-}: leading tabs of the body's lines are removed
 * @param reparsed whether the body is read by a shell ({@code bash <<EOF})
 * @param end offset after the operator and its delimiter
 * @param announced false when no delimiter follows the operator
 */
record HereDocument(String delimiter, boolean quoted, boolean stripTabs, boolean reparsed, int end,
		boolean announced) {

	/** The operator at {@code i} (at {@code <<}) of {@code text}. */
	static HereDocument at(String text, int i, boolean reparsed) {
		int j = i + 2;
		boolean stripTabs = j < text.length() && text.charAt(j) == '-';
		if (stripTabs) {
			j++;
		}
		while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
			j++;
		}
		int start = j;
		StringBuilder delimiter = new StringBuilder();
		boolean quoted = false;
		while (j < text.length() && " \t\n;&|<>()".indexOf(text.charAt(j)) < 0) {
			char d = text.charAt(j);
			if (d == '\'' || d == '"') {
				quoted = true;
				int close = text.indexOf(d, j + 1);
				close = close < 0 ? text.length() : close;
				delimiter.append(text, j + 1, close);
				j = Math.min(close + 1, text.length());
			}
			else if (d == '\\') {
				quoted = true;
				if (j + 1 < text.length()) {
					delimiter.append(text.charAt(j + 1));
				}
				j += 2;
			}
			else {
				delimiter.append(d);
				j++;
			}
		}
		return new HereDocument(delimiter.toString(), quoted, stripTabs, reparsed, Math.min(j, text.length()),
				start < j);
	}

}
