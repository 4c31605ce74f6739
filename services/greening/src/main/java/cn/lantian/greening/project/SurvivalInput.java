package cn.lantian.greening.project;

import cn.lantian.greening.rules.AreaInput;
import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One survival check of a project: the share of planted trees alive, and what was replanted. */
record SurvivalInput(
        LocalDate checkedOn,
        Double survivalRate,
        AreaInput replanted,
        @Size(max = TextLength.TEXT) String note) {}
