package cn.lantian.greening.project;

import cn.lantian.greening.rules.AreaInput;
import java.time.LocalDate;

/** Planting recorded so far on a project: the whole planted area to date. */
record PlantingInput(AreaInput planted, LocalDate plantedOn) {}
