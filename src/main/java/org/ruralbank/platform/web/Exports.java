package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.ruralbank.platform.Spreadsheets;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The Excel export of a page, in the user's language, as every page exports: the page's title, the period its rows
 * cover and the unit of its figures above each table, every table of the page on its own sheet, amounts and counts
 * with their number formats ({@link Spreadsheets#write(java.io.OutputStream, Spreadsheets.Title, List)}). Titles,
 * units, sheet names and headers are message codes, written in the user's language here.
 */
@Component
public class Exports {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final Texts texts;
    private final Clock clock;

    Exports(Texts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * A title: {@code titleCode} with its arguments, the period as the page says it ({@link #asOfToday()},
     * {@link #range}, a month, a year) and the unit by its message code.
     */
    public Spreadsheets.Title title(String titleCode, List<?> titleArgs, String period, String unitCode) {
        String unit = texts.get(unitCode);
        return new Spreadsheets.Title(
                texts.get(titleCode, titleArgs.toArray()),
                period,
                unit,
                texts.get("export.periodAndUnit", period, unit));
    }

    /**
     * A title as {@link #title(String, List, String, String)}, whose unit line is a message with arguments (the money
     * unit chosen, {@link #moneyUnit()}, in a line such as 金额：万元；卡数：张).
     */
    public Spreadsheets.Title title(String titleCode, List<?> titleArgs, String period, Msg unit) {
        String unitText = text(unit);
        return new Spreadsheets.Title(
                texts.get(titleCode, titleArgs.toArray()),
                period,
                unitText,
                texts.get("export.periodAndUnit", period, unitText));
    }

    /** A message code with its arguments, written in the user's language where it is used (a header, a unit). */
    public record Msg(String code, Object... args) {}

    /** The message {@code code} with {@code args}, for a header or a unit line that carries a value. */
    public static Msg msg(String code, Object... args) {
        return new Msg(code, args);
    }

    /** The unit money figures are exported in, as the user chose it on the page ({@link MoneyUnit}), in their language. */
    public String moneyUnit() {
        return MoneyUnit.current().name(LocaleContextHolder.getLocale());
    }

    /** A list's period: the day it is taken on (the bank's day, in Beijing). */
    public String asOfToday() {
        return asOf(LocalDate.now(clock.withZone(BEIJING)));
    }

    public String asOf(LocalDate day) {
        return texts.get("export.asOf", day.toString());
    }

    /** A period from one day to another; either may be open. */
    public String range(LocalDate from, LocalDate to) {
        return texts.get("export.range", from == null ? "" : from.toString(), to == null ? "" : to.toString());
    }

    /**
     * A table whose sheet name and headers are message codes: each header a code ({@link String}) or a code with
     * arguments ({@link Msg}).
     */
    public Spreadsheets.Table table(String nameCode, List<?> headerCodes, Consumer<Consumer<List<?>>> rows) {
        return new Spreadsheets.Table(
                texts.get(nameCode), headerCodes.stream().map(this::header).toList(), rows);
    }

    /** A table whose sheet name is a message with arguments (第2季度完成情况). */
    public Spreadsheets.Table table(Msg name, List<?> headerCodes, Consumer<Consumer<List<?>>> rows) {
        return new Spreadsheets.Table(
                text(name), headerCodes.stream().map(this::header).toList(), rows);
    }

    private String header(Object code) {
        return code instanceof Msg m ? text(m) : texts.get((String) code);
    }

    private String text(Msg m) {
        Object[] args = new Object[m.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = m.args()[i] instanceof Msg inner ? text(inner) : m.args()[i];
        }
        return texts.get(m.code(), args);
    }

    /** Sends the workbook as {@code <fileName>.xlsx}. */
    public void send(
            HttpServletResponse response, String fileName, Spreadsheets.Title title, List<Spreadsheets.Table> tables)
            throws IOException {
        Download.xlsx(response, fileName);
        Spreadsheets.write(response.getOutputStream(), title, tables);
    }

    /** The text of a message code in the user's language (a code's name in a cell). */
    public String text(String code, Object... args) {
        return texts.get(code, args);
    }

    /** A yes-or-no cell in the user's language: 是 or empty, as the pages mark a flag. */
    public String yes(boolean flag) {
        return flag ? texts.get("common.yes") : "";
    }
}
