package cn.lantian.portal.pages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the pages ({@code lantian.portal.pages.*}).
 *
 * @param enterprisesPerPage enterprises shown on one page of the enterprise list
 * @param searchMaxLength the longest search text taken; a longer one is cut
 * @param staleAfter the age beyond which a value is shown as stale, with its age
 */
@ConfigurationProperties("lantian.portal.pages")
record PagesProperties(int enterprisesPerPage, int searchMaxLength, Duration staleAfter) {}
