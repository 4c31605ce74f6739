package cn.lantian.web;

/**
 * The longest text each kind of field of a command may hold, for {@code @Size(max = ...)} on the records services
 * accept: beyond it a request is 400 instead of a row no page can show. One place, so that every service agrees.
 */
public final class TextLength {

    /** Identifiers and numbers: record ids, permit numbers, codes. */
    public static final int ID = 64;
    /** Short words from a closed list or a code: a grade, a status, a pollutant, a level. */
    public static final int CODE = 32;
    /** Names of enterprises, facilities, stations, campaigns. */
    public static final int NAME = 200;
    /** Free text: a reason, a measure, a note. */
    public static final int TEXT = 2000;

    private TextLength() {}
}
