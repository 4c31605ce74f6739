package cn.lantian.greening.project;

import cn.lantian.greening.rules.AreaInput;
import java.time.LocalDate;

/** One survival check of a project: the share of planted trees alive, and what was replanted. */
record SurvivalInput(LocalDate checkedOn, Double survivalRate, AreaInput replanted, String note) {
}
