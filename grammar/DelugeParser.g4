// Deluge syntax: scripts of top-level statements and function definitions. No actions: AstBuilder builds the AST.
parser grammar DelugeParser;

options { tokenVocab = DelugeLexer; }

script      : ( functionDef | statement )* EOF;

// REPL and tooling entry points
replInput   : ( functionDef | statement )* expression? EOF;
expressionOnly : expression EOF;

functionDef : typeName qualifiedName LPAREN ( parameter ( COMMA parameter )* )? RPAREN block;
parameter   : typeName identifier;
typeName    : identifier ( COLON identifier )?;
qualifiedName : identifier ( DOT identifier )*;

block       : LBRACE statement* RBRACE;

statement
    : IF LPAREN condition RPAREN block elseIf* elseBlock?                # ifStatement
    | FOR EACH INDEX identifier IN expression block                      # forEachIndexStatement
    | FOR EACH identifier IN expression block                            # forEachStatement
    | WHILE LPAREN expression? RPAREN block?                             # whileStatement
    | TRY block CATCH ( LPAREN identifier? RPAREN )? block               # tryStatement
    | BREAK SEMI                                                         # breakStatement
    | CONTINUE SEMI                                                      # continueStatement
    | RETURN expression? SEMI                                            # returnStatement
    | INFO expression? SEMI                                              # infoStatement
    | THROW expression SEMI                                              # throwStatement
    | SENDMAIL LBRACKET taskParam* RBRACKET SEMI?                        # sendmailStatement
    | identifier LBRACKET taskParam+ RBRACKET SEMI?                      # namedTaskStatement
    | DELETE FROM identifier LBRACKET expression RBRACKET SEMI           # deleteStatement
    | CANCEL SUBMIT SEMI                                                 # cancelSubmitStatement
    | ALERT expression SEMI                                              # alertStatement
    | fieldAction=( HIDE | SHOW | ENABLE | DISABLE | CLEAR ) identifier ( DOT memberName )* SEMI # fieldActionStatement
    | invokeUrlValue                                                     # invokeUrlStatement
    | expression ( assignOp ( invokeUrlValue | expression SEMI ) | uiTask SEMI | SEMI ) # expressionStatement
    ;

// `r = invokeurl [ … ]` may end without ';' (Zoho's own exports do); decided after the '=', so errors stay precise
invokeUrlValue : INVOKEURL LBRACKET taskParam* RBRACKET SEMI?;
// `input.Field:ui.add(…)`: the picklist tasks of Creator form scripts
uiTask      : COLON identifier DOT memberName LPAREN arguments? RPAREN;

elseIf      : ELSE IF LPAREN condition RPAREN block;
elseBlock   : ELSE block;

assignOp    : ASSIGN | PLUS_ASSIGN | MINUS_ASSIGN | STAR_ASSIGN | SLASH_ASSIGN | PERCENT_ASSIGN;

// Keys of invokeurl / sendmail blocks: `url`, `content-type`, `reply to`, `content type`, …
// A value may be a comma-separated list (`to: a, b`); `attachments: file: f` names the kind of attachment.
taskParam   : taskKey COLON taskValue ( COMMA taskValue )* COMMA?;
taskKey     : memberName ( MINUS? memberName )*;
taskValue   : ( FILE COLON )? expression;

expression
    : postfix                                                            # postfixExpr
    | op=( NOT | MINUS | PLUS ) expression                               # unaryExpr
    | expression op=( STAR | SLASH | PERCENT ) expression                # multiplicativeExpr
    | expression op=( PLUS | MINUS ) expression                          # additiveExpr
    | expression op=( LT | LE | GT | GE ) expression                     # relationalExpr
    | expression op=( EQ | NEQ ) expression                              # equalityExpr
    | expression op=AND expression                                       # andExpr
    | expression op=OR expression                                        # orExpr
    ;

// The condition of an if: as an expression, but a single '=' compares like '==' (scripts written so run in Zoho)
condition
    : postfix                                                            # condPostfix
    | op=( NOT | MINUS | PLUS ) condition                                # condUnary
    | condition op=( STAR | SLASH | PERCENT ) condition                  # condBinary
    | condition op=( PLUS | MINUS ) condition                            # condBinary
    | condition op=( LT | LE | GT | GE ) condition                       # condBinary
    | condition op=( EQ | NEQ | ASSIGN ) condition                       # condBinary
    | condition op=AND condition                                         # condBinary
    | condition op=OR condition                                          # condBinary
    ;

postfix     : primary postfixOp*;
postfixOp
    : DOT memberName LPAREN arguments? RPAREN                            # methodCall
    | DOT memberName                                                     # propertyAccess
    | LBRACKET expression? RBRACKET                                      # criteria
    ;

primary
    : literal                                                            # literalExpr
    | LPAREN expression RPAREN                                           # parenExpr
    | LBRACE ( collectionItem ( COMMA collectionItem )* COMMA? )? RBRACE # collectionLiteral
    | LBRACKET ( expression ( COMMA expression )* COMMA? )? RBRACKET    # bracketListLiteral
    | IF LPAREN condition COMMA expression COMMA expression RPAREN       # conditionalExpr
    | LIST COLON identifier LPAREN arguments? RPAREN                     # typedListExpr
    | identifier LPAREN arguments? RPAREN                                # callExpr
    | identifier                                                         # nameExpr
    | INFO                                                               # infoNameExpr  // info = Map(); as real scripts do
    | INVOKEURL LBRACKET taskParam* RBRACKET                             # invokeUrlExpr
    | INVOKEURL LPAREN arguments? RPAREN                                 # invokeUrlCallExpr
    | INVOKEAPI LBRACKET taskParam* RBRACKET                             # invokeApiExpr
    | INSERT INTO identifier LBRACKET fieldValue* RBRACKET               # insertExpr
    ;

// {a, b} is a list and {k: v} a map; one rule for both keeps parsing linear, the builder tells them apart
collectionItem : expression ( COLON expression )?;
arguments   : argument ( COMMA argument )*;
argument    : expression ( COLON expression )?;
fieldValue  : identifier ASSIGN expression COMMA?;

literal
    : TEXT_LITERAL
    | QUOTED_LITERAL
    | NUMBER_LITERAL
    | DECIMAL_LITERAL
    | TRUE
    | FALSE
    | NULL
    ;

identifier  : IDENTIFIER | INDEX | INSERT | INTO | DELETE | FROM | CANCEL | SUBMIT | ALERT | EACH | LIST | HIDE | SHOW
            | ENABLE | DISABLE | CLEAR | FILE | INVOKEAPI;

// After a dot any word may follow: `e.message`, `c.insert(…)`, `zoho.crm.getRecordById(…)`
memberName
    : identifier | IF | ELSE | FOR | IN | BREAK | CONTINUE | RETURN | INFO | TRY | CATCH | THROW | TRUE | FALSE
    | NULL | INVOKEURL | SENDMAIL | WHILE
    ;
