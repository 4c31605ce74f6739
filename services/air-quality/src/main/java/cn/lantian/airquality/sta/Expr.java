package cn.lantian.airquality.sta;

import java.util.List;

/** A parsed {@code $filter} or {@code $orderby} expression. */
sealed interface Expr {

    /** A literal: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code OffsetDateTime} or null. */
    record Literal(Object value) implements Expr {}

    /** A property path such as {@code name}, {@code Datastream/Thing/id}, {@code properties/kind}. */
    record Path(List<String> segments) implements Expr {}

    /** A binary operator: comparison, logical or arithmetic ({@code eq ... mod}). */
    record Binary(String op, Expr left, Expr right) implements Expr {}

    /** {@code not} or unary minus ({@code -}). */
    record Unary(String op, Expr operand) implements Expr {}

    /** A function call such as {@code substringof('a', name)}. */
    record Call(String name, List<Expr> args) implements Expr {}
}
