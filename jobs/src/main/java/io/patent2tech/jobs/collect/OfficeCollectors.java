package io.patent2tech.jobs.collect;

import java.util.List;

import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.http.CredentialSource;
import io.patent2tech.connectors.epo.EpoOpsCollectorFactory;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.connectors.kipris.KiprisCollectorFactory;
import io.patent2tech.connectors.uspto.download.UsptoBulkCollectorFactory;
import io.patent2tech.connectors.uspto.download.UsptoBulkCollectorFactory.Api;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;

/**
 * Builds each office's collector factory from the options. Credentials are named, never given:
 * an environment variable (default) or a file whose path is an option; the value is read in the
 * task that calls the office, so it is in no job graph, command line, log or record.
 */
final class OfficeCollectors {

  static final Setting USPTO_API = new Setting("collect.uspto.api", "odp",
      "odp: Open Data Portal bulk datasets (needs an API key); bdss: the older bulk-data product API");
  static final Setting USPTO_KEY_FILE = new Setting("collect.uspto.api-key-file", null,
      "file holding the USPTO ODP API key (default: environment variable "
          + UsptoBulkCollectorFactory.API_KEY_ENV + ")");
  static final Setting USPTO_DOWNLOAD_DIR = new Setting("collect.uspto.download-dir", "downloads/uspto",
      "where weekly bulk files are downloaded (kept: a file fully downloaded is never fetched again)");
  static final Setting EPO_CREDENTIALS_FILE = new Setting("collect.epo.credentials-file", null,
      "properties file with 'key' and 'secret' of the EPO OPS consumer (default: environment variables "
          + OpsCredentials.ENV_KEY + " and " + OpsCredentials.ENV_SECRET + ")");
  static final Setting KIPRIS_KEY_FILE = new Setting("collect.kipris.key-file", null,
      "file holding the KIPRIS Plus service key, raw or already percent-encoded (default: environment variable "
          + KiprisCollectorFactory.KEY_ENV + ")");

  /** The office's own options beyond the common per-office ones (listed next to them in --help). */
  static List<Setting> settingsOf(String office) {
    return switch (office) {
      case "uspto" -> List.of(USPTO_API, USPTO_KEY_FILE, USPTO_DOWNLOAD_DIR);
      case "epo" -> List.of(EPO_CREDENTIALS_FILE);
      case "kipris" -> List.of(KIPRIS_KEY_FILE);
      default -> List.of();
    };
  }

  private OfficeCollectors() {}

  static OfficeCollector.Factory create(Settings s, String office, CollectSettings.OfficeOptions o) {
    String url = s.require(o.url().key());
    return switch (office) {
      case "uspto" -> {
        Api api = switch (s.require(USPTO_API.key())) {
          case "odp" -> Api.ODP;
          case "bdss" -> Api.BDSS;
          default -> throw new IllegalArgumentException("--" + USPTO_API.key() + " must be odp or bdss");
        };
        CredentialSource key = api == Api.BDSS ? CredentialSource.none()
            : credential(s, USPTO_KEY_FILE, UsptoBulkCollectorFactory.API_KEY_ENV, office);
        String dir = s.require(USPTO_DOWNLOAD_DIR.key());
        UsptoBulkCollectorFactory f = api == Api.ODP ? UsptoBulkCollectorFactory.odp(key, dir)
            : UsptoBulkCollectorFactory.bdss(dir);
        yield f.withBaseUrl(url);
      }
      case "epo" -> {
        String file = s.get(EPO_CREDENTIALS_FILE.key());
        OpsCredentials credentials = file != null ? OpsCredentials.fromFile(file) : OpsCredentials.fromEnvironment();
        requirePresent(credentials, office);
        yield new EpoOpsCollectorFactory(OpsSettings.defaults().baseUrl(url), credentials);
      }
      case "kipris" -> KiprisCollectorFactory.defaults(credential(s, KIPRIS_KEY_FILE, KiprisCollectorFactory.KEY_ENV, office))
          .withBaseUrl(url);
      default -> throw new IllegalArgumentException("unknown office " + office);
    };
  }

  /** The credential from the file option if set, else from the environment variable; checked now, so a missing one fails at start. */
  private static CredentialSource credential(Settings s, Setting fileOption, String env, String office) {
    String file = s.get(fileOption.key());
    CredentialSource source = file != null ? CredentialSource.file(file) : CredentialSource.environment(env);
    try {
      source.resolve();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(office + ": " + e.getMessage() + " (set " + env + ", or --"
          + fileOption.key() + " FILE; or leave " + office + " out of --" + CollectSettings.OFFICES_ENABLED.key() + ")");
    }
    return source;
  }

  private static void requirePresent(OpsCredentials credentials, String office) {
    try {
      credentials.get();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(office + ": " + e.getMessage() + " (set " + OpsCredentials.ENV_KEY + " and "
          + OpsCredentials.ENV_SECRET + ", or --" + EPO_CREDENTIALS_FILE.key() + " FILE; or leave " + office
          + " out of --" + CollectSettings.OFFICES_ENABLED.key() + ")");
    }
  }
}
