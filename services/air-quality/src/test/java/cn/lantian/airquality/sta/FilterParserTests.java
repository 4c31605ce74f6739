package cn.lantian.airquality.sta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTests {

    @Test
    void andBindsTighterThanOr() {
        Expr e = FilterParser.parse("a eq 1 or b eq 2 and c eq 3");
        assertThat(e).isInstanceOf(Expr.Binary.class);
        Expr.Binary or = (Expr.Binary) e;
        assertThat(or.op()).isEqualTo("or");
        assertThat(((Expr.Binary) or.right()).op()).isEqualTo("and");
    }

    @Test
    void readsPathsDateTimesAndStrings() {
        Expr.Binary and = (Expr.Binary) FilterParser.parse(
                "phenomenonTime ge 2026-11-01T00:00:00+08:00 and Datastream/Thing/id eq 3 and name eq 'O''Brien'");
        Expr.Binary time = (Expr.Binary) ((Expr.Binary) and.left()).left();
        assertThat(time.left()).isEqualTo(new Expr.Path(List.of("phenomenonTime")));
        assertThat(time.right()).isEqualTo(new Expr.Literal(OffsetDateTime.parse("2026-11-01T00:00:00+08:00")));
        Expr.Binary thing = (Expr.Binary) ((Expr.Binary) and.left()).right();
        assertThat(thing.left()).isEqualTo(new Expr.Path(List.of("Datastream", "Thing", "id")));
        assertThat(thing.right()).isEqualTo(new Expr.Literal(3L));
        assertThat(((Expr.Binary) and.right()).right()).isEqualTo(new Expr.Literal("O'Brien"));
    }

    @Test
    void readsArithmeticFunctionsNotAndNegativeNumbers() {
        Expr e = FilterParser.parse("not (result add 2 mul 3 gt -1.5) or substringof('PM', name)");
        Expr.Binary or = (Expr.Binary) e;
        Expr.Unary not = (Expr.Unary) or.left();
        Expr.Binary gt = (Expr.Binary) not.operand();
        assertThat(gt.right()).isEqualTo(new Expr.Literal(-1.5));
        Expr.Binary add = (Expr.Binary) gt.left();
        assertThat(add.op()).isEqualTo("add");
        assertThat(((Expr.Binary) add.right()).op()).isEqualTo("mul");
        assertThat(or.right())
                .isEqualTo(
                        new Expr.Call("substringof", List.of(new Expr.Literal("PM"), new Expr.Path(List.of("name")))));
    }

    @Test
    void ordersWithDirections() {
        List<FilterParser.Order> order = FilterParser.orderBy("phenomenonTime desc, id");
        assertThat(order)
                .containsExactly(
                        new FilterParser.Order(new Expr.Path(List.of("phenomenonTime")), true),
                        new FilterParser.Order(new Expr.Path(List.of("id")), false));
    }

    @Test
    void refusesBrokenExpressions() {
        assertThatThrownBy(() -> FilterParser.parse("name eq")).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> FilterParser.parse("name eq 'open")).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> FilterParser.parse("(id eq 1")).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> FilterParser.parse("id eq 1 1")).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> FilterParser.parse("time ge 2026-13-01T00:00:00Z"))
                .isInstanceOf(QueryException.class);
    }
}
