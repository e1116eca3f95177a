// Tokens of Deluge. Keywords and built-in names are case-insensitive (DECISIONS §1); identifiers keep their case.
lexer grammar DelugeLexer;

options { caseInsensitive = true; }

// Hard keywords
IF        : 'if';
ELSE      : 'else';
FOR       : 'for';
EACH      : 'each';
IN        : 'in';
BREAK     : 'break';
CONTINUE  : 'continue';
RETURN    : 'return';
INFO      : 'info';
TRY       : 'try';
CATCH     : 'catch';
THROW     : 'throw';
TRUE      : 'true';
FALSE     : 'false';
NULL      : 'null';
INVOKEURL : 'invokeurl';
SENDMAIL  : 'sendmail';
WHILE     : 'while';

// Soft keywords: they start a construct but may also name variables and methods
INDEX     : 'index';
INSERT    : 'insert';
INTO      : 'into';
DELETE    : 'delete';
FROM      : 'from';
CANCEL    : 'cancel';
SUBMIT    : 'submit';
ALERT     : 'alert';
LIST      : 'list';
HIDE      : 'hide';
SHOW      : 'show';
ENABLE    : 'enable';
DISABLE   : 'disable';
CLEAR     : 'clear';
FILE      : 'file';
INVOKEAPI : 'invokeapi';

// Operators and punctuation
PLUS_ASSIGN  : '+=';
MINUS_ASSIGN : '-=';
STAR_ASSIGN  : '*=';
SLASH_ASSIGN : '/=';
PERCENT_ASSIGN : '%=';
EQ        : '==';
NEQ       : '!=';
LE        : '<=';
GE        : '>=';
LT        : '<';
GT        : '>';
AND       : '&&';
OR        : '||';
NOT       : '!';
ASSIGN    : '=';
PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
PERCENT   : '%';
LPAREN    : '(';
RPAREN    : ')';
LBRACE    : '{';
RBRACE    : '}';
LBRACKET  : '[';
RBRACKET  : ']';
COMMA     : ',';
SEMI      : ';';
COLON     : ':';
DOT       : '.';

// Literals
DECIMAL_LITERAL : [0-9]* '.' [0-9]+;   // .5 as well as 0.5
NUMBER_LITERAL  : [0-9]+;
TEXT_LITERAL    : '"' ( '\\' . | ~["\\] )* '"';
QUOTED_LITERAL  : '\'' ( '\\' . | ~['\\] )* '\'';

IDENTIFIER : [a-z_] [a-z_0-9]*;

// Trivia
BOM           : '\uFEFF' -> skip;
WS            : [ \t\r\n\u000C\u00A0]+ -> skip;
LINE_COMMENT  : '//' ~[\r\n]* -> skip;
BLOCK_COMMENT : '/*' .*? '*/' -> skip;

// Unfinished input becomes a token of its own so the parser can name the problem (and the REPL can wait for more)
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF;
UNTERMINATED_TEXT    : '"' ( '\\' . | ~["\\] )* EOF;
UNTERMINATED_QUOTED  : '\'' ( '\\' . | ~['\\] )* EOF;

// Anything else is reported by the parser as an unexpected character, never as a lexer crash
ERROR_CHAR : .;
