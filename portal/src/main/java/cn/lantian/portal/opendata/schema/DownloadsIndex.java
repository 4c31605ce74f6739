package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The index of the yearly bulk downloads. */
@Schema(description = "Every yearly CSV file, newest year first within each dataset")
public record DownloadsIndex(LicenceField licence, List<DownloadFile> items) {

    /** One yearly file. */
    public record DownloadFile(String dataset, int year, String url, String mediaType) {}
}
