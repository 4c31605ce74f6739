# Drills against a running platform, sourced by ./lantian (which sets the ports, the realm and the helpers say/fail).
#   drill heavy-pollution [county]   a forecast leads air-quality to an orange alert; every domain reacts by events
#   drill dust-storm                 the April 2020 storm in the history and the HJ 663 dust deduction it causes
# Both talk to the platform only as an outside party would: through the gateway with Keycloak tokens.

DRILL_GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
DRILL_TOKEN_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM/protocol/openid-connect/token"
# How long each step waits for the platform's reaction, in seconds.
DRILL_WAIT="${LANTIAN_DRILL_WAIT:-90}"
DRILL_DOMAINS=(stationary mobile dust straw greening)
DRILL_REFERENCE="$ROOT/platform/reference-data/src/main/resources/reference/jurisdictions.geojson"
# jq: an event time (RFC 3339, any offset, any fraction) as epoch seconds with milliseconds.
DRILL_JQ_EPOCH='
    def epoch: . as $t | ($t | sub("\\.[0-9]+"; "") | sub("Z$"; "+00:00")) as $plain
      | ($plain | capture("(?<b>.*)(?<sign>[+-])(?<h>[0-9]{2}):(?<m>[0-9]{2})$")) as $z
      | ($z.b + "Z" | fromdateiso8601) - (if $z.sign == "+" then 1 else -1 end) * (($z.h | tonumber) * 3600 + ($z.m | tonumber) * 60)
      + ((($t | capture("\\.(?<f>[0-9]+)") // {f: "0"}).f + "000")[0:3] | tonumber) / 1000;
'

drill_need_platform() {
  command -v jq >/dev/null || apt_install jq
  local name port module db missing=()
  while read -r name port module db; do
    curl -fs -o /dev/null --max-time 20 "http://127.0.0.1:$port/actuator/health" || missing+=("$name")
  done < <(services)
  ((${#missing[@]} == 0)) ||
    fail "the drill needs a running platform (not answering: ${missing[*]}); start it with ./lantian up"
}

# An agency system's token (client credentials of the demo realm) or a demo user's (password grant).
drill_client_token() {
  curl -fs -d grant_type=client_credentials -d client_id="$1" -d client_secret="$1-secret" "$DRILL_TOKEN_URL" |
    jq -r .access_token
}
drill_user_token() {
  curl -fs -d grant_type=password -d client_id=lantian-cli -d username="$1" -d password=lantian-demo \
    "$DRILL_TOKEN_URL" | jq -r .access_token
}

# Tab-separated lines as aligned columns where the system has column(1).
drill_columns() { if command -v column >/dev/null; then column -t -s $'\t'; else cat; fi; }

drill_get() { # TOKEN PATH
  curl -fsS --max-time 20 -H "Authorization: Bearer $1" "$DRILL_GATEWAY$2"
}
drill_post() { # TOKEN PATH CONTENT-TYPE BODY
  curl -fsS --max-time 20 -H "Authorization: Bearer $1" -H "Content-Type: $3" --data-binary "$4" "$DRILL_GATEWAY$2"
}

# A forecast for the county from today (Beijing time) on, one AQI per day, sent as the forecasting centre would, marked
# as a drill: the alert it issues is a drill's in its events, the public list and the portal.
drill_forecast() { # TOKEN COUNTY AQI...
  local token=$1 county=$2 days='[]' i=0 aqi
  shift 2
  for aqi in "$@"; do
    days=$(jq -c --arg d "$(TZ=Asia/Shanghai date -d "+$i day" +%F)" --argjson a "$aqi" \
      '. + [{day: $d, aqi: $a, dust: false}]' <<<"$days")
    i=$((i + 1))
  done
  drill_post "$token" /api/air-quality/v1/forecasts application/json \
    "$(jq -nc --arg c "$county" --arg t "$(date -u +%FT%T.%3NZ)" --argjson d "$days" \
      '{county: $c, issuedAt: $t, days: $d, drill: true}')"
}

# Every event of the joint index that names the alert since the drill began, oldest first (one page of up to 200, the
# index's largest). The joint index outlives the owners' databases, so an alert id of an earlier day's database may
# stand there too: only what happened since this drill's forecast counts.
drill_events() { # TOKEN ALERT-ID
  drill_get "$1" "/api/search/v1/events?q=$(jq -rn --arg q "$2" '$q|@uri')&size=200&from=$(date -u -d "@${DRILL_SINCE:-0}" +%FT%TZ)" |
    jq -c --arg a "$2" --argjson since "${DRILL_SINCE:-0}" "$DRILL_JQ_EPOCH"'[.items[]
      # The text search also finds another alert whose id starts alike (a second episode of a day is "<id>-2").
      | select(.data.alertId == $a or ((.data.summary // "") | contains("alert " + $a + " ")))
      | select((.time | epoch) >= $since)
      | {type, domain, time, subject, jurisdiction, corpsUnit: (.corpsunit // null), data}] | sort_by(.time | epoch)'
}

# Waits until the jq condition holds on the alert's events; prints them.
drill_await() { # TOKEN ALERT-ID JQ-CONDITION WHAT
  local deadline=$((SECONDS + DRILL_WAIT)) events
  while :; do
    events=$(drill_events "$1" "$2" 2>/dev/null || echo '[]')
    if jq -e "$3" <<<"$events" >/dev/null; then
      echo "$events"
      return 0
    fi
    if ((SECONDS > deadline)); then
      echo "$events"
      say "not within ${DRILL_WAIT}s: $4" >&2
      return 1
    fi
    sleep 1
  done
}

drill_domains_with() { # TYPE-SUFFIX: jq filter naming the domains that published lantian.<d>.<suffix> so far
  echo "[.[] | select(.type | endswith(\".$1.v1\")) | .domain] | unique"
}

# A point of the county where a remote-sensing site stands: inside a Corps unit the county hosts (so a finding there is
# joint), else the county's centroid.
drill_site() { # COUNTY
  jq -r --arg c "$1" '
    ([.features[] | select(.properties.hostCounty == $c and .properties.centroid != null
        and .properties.kind == "corps-division") | .properties] + [.features[] | select(.properties.id == $c)
        | .properties])[0] | "\(.centroid[0]) \(.centroid[1]) \(.id) \(.nameZh) \(.nameEn)"' "$DRILL_REFERENCE"
}

# A registered diesel truck the orange level restricts (China IV or older), registered for the drill if none is.
drill_restricted_truck() { # TOKEN COUNTY
  local stage plate
  for stage in "China IV" "China III" "China II"; do
    plate=$(drill_get "$1" "/api/mobile/v1/vehicles?kind=heavy-truck&fuel=diesel&status=registered&limit=1&stage=$(
      jq -rn --arg s "$stage" '$s|@uri')" | jq -r '(if type == "array" then . else .items end)[0].plate // empty')
    if [ -n "$plate" ]; then echo "$plate"; return; fi
  done
  plate="新Q·D$(printf '%05d' $((RANDOM % 100000)))"
  drill_post "$1" /api/mobile/v1/vehicles application/json "$(jq -nc --arg p "$plate" --arg c "$2" \
    --arg v "LDRILL$(head -c 32 /dev/urandom | tr -dc 'A-HJ-NPR-Z0-9' | head -c 11)" \
    '{plate: $p, vin: $v, kind: "heavy-truck", fuel: "diesel", emissionStage: "China IV", certifiedOn: "2016-05-01",
      operatingFreight: true, owner: "演练运输公司 drill haulier", home: $c}')" >/dev/null
  echo "$plate"
}

drill_timeline() { # EVENTS-JSON ISSUED-TIME
  jq -r --arg t0 "$2" "$DRILL_JQ_EPOCH"'
    ($t0 | epoch) as $e0
    | .[] | [(((.time | epoch) - $e0) | . * 1000 | round / 1000 | tostring | if startswith("-") then . else "+" + . end) + " s",
             .domain, (.type | sub("^lantian\\.[a-z-]+\\."; "") | sub("\\.v[0-9]+$"; "")),
             (.data.level // "") + (if .data.reason then " (" + .data.reason + ")" else "" end),
             (if .type | endswith("case-opened.v1") then (.data.summary // "") + (if .data.jointWith then " [joint with " + .data.jointWith + "]" else "" end)
              elif .data.enterpriseId then .data.enterpriseId elif .data.plate then .data.plate else .subject end)]
    | @tsv' <<<"$1" | drill_columns
}

drill_heavy_pollution() { # [COUNTY]
  drill_need_platform
  local county=${1:-653130} eco coordinator outcome alert issued events site lon lat unit name truck missing
  jq -e --arg c "$county" '.features[] | select(.properties.id == $c and .properties.kind == "county")' \
    "$DRILL_REFERENCE" >/dev/null || fail "$county is not a county of Kashgar Prefecture (e.g. 653130 巴楚县)"
  eco=$(drill_client_token agency-ecology)
  coordinator=$(drill_user_token coordinator)
  [ -n "$eco" ] && [ "$eco" != null ] && [ -n "$coordinator" ] && [ "$coordinator" != null ] ||
    fail "Keycloak gave no token to the drill's parties (agency-ecology, coordinator)"
  if [ "$(drill_get "$eco" "/api/public/v1/alerts?county=$county&active=true" | jq length)" != 0 ]; then
    fail "an alert is already in force in $county: a drill there would change a real alert; choose another county"
  fi

  say "drill: heavy pollution in $county. The prefecture's forecasting centre forecasts daily AQI 230, 240, 180"
  DRILL_SINCE=$(($(date -u +%s) - 5)) # a little slack for clocks that differ between services
  outcome=$(drill_forecast "$eco" "$county" 230 240 180 120 100) || fail "the forecast was refused"
  alert=$(jq -r .alertId <<<"$outcome")
  [ "$(jq -r .action <<<"$outcome")" = issued ] || fail "air-quality did not issue an alert: $outcome"
  say "air-quality issued $(jq -r .level <<<"$outcome") alert $alert (rule $(jq -r .rule <<<"$outcome"))"

  events=$(drill_await "$coordinator" "$alert" "$(drill_domains_with emergency-measures-activated) | length == ${#DRILL_DOMAINS[@]}" \
    "every domain's measures-activated in the joint index") || true
  issued=$(jq -r '[.[] | select(.type | test("^lantian\\.air-quality\\.alert-issued\\.v[0-9]+$"))][0].time // empty' <<<"$events")
  [ -n "$issued" ] || fail "alert-issued of $alert never reached the joint index"
  missing=$(jq -r --argjson all "$(printf '%s\n' "${DRILL_DOMAINS[@]}" | jq -R . | jq -sc .)" \
    "\$all - ($(drill_domains_with emergency-measures-activated)) | join(\", \")" <<<"$events")
  [ -z "$missing" ] || say "no measures announced by: $missing"

  read -r lon lat unit name < <(drill_site "$county")
  truck=$(drill_restricted_truck "$eco" "$county")
  say "a remote-sensing site at $name ($unit) sees restricted truck $truck during the alert"
  drill_post "$eco" /api/mobile/v1/readings application/x-ndjson "$(jq -nc --arg p "$truck" --arg at "$(date -u +%FT%T.%3NZ)" \
    --argjson lon "$lon" --argjson lat "$lat" \
    '{plate: $p, at: $at, lon: $lon, lat: $lat, check: "remote-sensing", opacity: 5, nox: 200, speed: 45}')" >/dev/null ||
    say "the reading was refused"
  events=$(drill_await "$coordinator" "$alert" \
    '[.[] | select(.type == "lantian.enforcement.case-opened.v1")] | length > 0' \
    "a case opened by enforcement for a violation during the alert") || true

  say "the forecast improves (180, 170, 120): the alert is downgraded"
  outcome=$(drill_forecast "$eco" "$county" 180 170 120 100 90) || fail "the forecast was refused"
  say "air-quality: $(jq -r '.action + " to " + .level' <<<"$outcome")"
  events=$(drill_await "$coordinator" "$alert" \
    '[.[] | select(.type | test("^lantian\\.air-quality\\.alert-downgraded\\.v[0-9]+$"))] | length > 0' "alert-downgraded") || true

  say "the episode is over (90, 80, 70): the alert is lifted"
  outcome=$(drill_forecast "$eco" "$county" 90 80 70 60 50) || fail "the forecast was refused"
  say "air-quality: $(jq -r .action <<<"$outcome")"
  events=$(drill_await "$coordinator" "$alert" \
    "([.[] | select(.type | endswith(\".emergency-measures-ended.v1\")) | select(.data.reason == \"lifted\") | .domain] | unique | length) >= ($(drill_domains_with emergency-measures-activated) | length)" \
    "every domain's measures-ended") || true

  echo
  echo "Timeline of alert $alert (delay from alert-issued, read from the joint search index):"
  drill_timeline "$events" "$issued"
  echo
  jq -r --arg t0 "$issued" '
    [.[] | select(.type | endswith("emergency-measures-activated.v1"))] | group_by(.domain)
    | map({domain: .[0].domain, first: (map(.time) | min)})
    | "Measures activated by \(length) domains: \(map(.domain) | join(", "))"' <<<"$events"
  jq -r '[.[] | select(.type == "lantian.enforcement.case-opened.v1")] | "Cases opened during the alert: \(length), joint: \(map(select(.data.jointWith)) | length)"' <<<"$events"
  echo "Open the alert on the portal: $DRILL_GATEWAY/alerts"
}

drill_dust_storm() {
  drill_need_platform
  local year=$(($(TZ=Asia/Shanghai date +%Y) - 2)) station days peak targets
  say "drill: the dust storm of 2-8 April 2020 (real hours of Kashgar's national stations, replayed by the feeds on the same days of $year, the history's first year)"
  days=$(curl -fsS "$DRILL_GATEWAY/api/public/v1/stations/2698A/observations?from=$year-04-01&to=$year-04-09&resolution=daily" |
    jq -c 'if type == "array" then . else (.items // []) end') || fail "air-quality did not answer for station 2698A"
  [ "$(jq length <<<"$days")" != 0 ] ||
    fail "station 2698A has no values for April $year: the feeds have not loaded the history yet (see ./lantian status)"
  echo "Station 2698A, daily values (dust days are left out of the dust-deducted evaluation):"
  jq -r '.[] | [.day, "PM10 \(.pm10 // "-")", "PM2.5 \(.pm25 // "-")", "AQI \(.aqi // "-")",
          (if .dust then "dust: " + (.dustBasis // "yes") else "" end)] | @tsv' <<<"$days" | drill_columns
  peak=$(jq -r '[.[] | .pm10 // 0] | max' <<<"$days")
  [ "$(jq -r '[.[] | select(.dust)] | length' <<<"$days")" != 0 ] ||
    say "no day of April $year is marked as dust at 2698A (peak PM10 $peak): the storm is not in the history"
  targets=$(curl -fsS "$DRILL_GATEWAY/api/public/v1/targets/$year") || fail "no evaluation for $year"
  echo
  echo "HJ 663 evaluation of $year, measured and with dust days deducted ($(jq -r .evaluationRules <<<"$targets")):"
  jq -r '.units[] | [.unit, "PM2.5 \(.measured.pm25Mean // "-") -> \(.dustDeducted.pm25Mean // "-")",
          "PM10 \(.measured.pm10Mean // "-") -> \(.dustDeducted.pm10Mean // "-")",
          "dust days \(.measured.dustDays)", "heavy days \(.measured.heavyDays) -> \(.dustDeducted.heavyDays)"] | @tsv' \
    <<<"$targets" | drill_columns
  echo
  echo "Open the targets page of $year to see the deduction: $DRILL_GATEWAY/targets?year=$year"
}
