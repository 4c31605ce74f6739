package cn.lantian.airquality.sta;

/** A request the API cannot answer as asked: a bad path or query option (answered 400, or 404 for paths). */
class QueryException extends RuntimeException {

    QueryException(String reason) {
        super(reason);
    }
}
