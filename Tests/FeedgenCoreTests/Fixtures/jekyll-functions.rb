# Prints, as JSON, what Jekyll 4.3.1's own functions return for chosen inputs: Utils.slugify in every mode,
# URL.escape_path, URL#sanitize_url, and Utils.parse_date (Time.parse(...).localtime) in several zones, the
# latter also after Psych has read the value as a plain YAML scalar. Run by make-jekyll-fixtures.sh.
require "jekyll"
require "json"

Jekyll.logger.log_level = :error
slug_inputs = [
  "NLP_Newsletter_NLP_7[ZH].md", "NLP_Newsletter_NLP_8[ZH].md ", "TL;DR_DistillBERT", "NLP_Newsletter_#1_[FR]",
  "NLP简报（Issue#5）：The_Annotated_GPT-2、CodeBERT、JAX、GA", "NLP_Research_Highlights_—_Issue_#1",
  "Using_Deep_Learning_to_Detect_Linguistic_Cues_of_Alzheimer’s_Disease_Patients", "Boletín_informativo_NLP",
  "Aspects of language captured by BERT", "The _config.yml file", "  --Hello--  World--  ", "-", "--", "---", "",
  "a\tb\nc\u000bd\u000ce\rf", "non\u00a0breaking\u2003space", "Ünïcödé Çafé Œuvre ĳ ŉ ÷ ß", "e\u0301te\u0301",
  "İstanbul ΣΑΣ ǅemal", "١٢٣ arabic-indic ٤", "Ⅻ roman ½ fraction ² super", "emoji 🎉 here", "Ǉ ǈ ǉ",
  "The Quick (Brown) Fox's $5 & 3+4=7 @home ~tilde!", "a..b...c.", "ＦＵＬＬ ｗｉｄｔｈ", "Καλημέρα κόσμε",
  "日本語のタイトル", "한국어 제목", "x_y-z.w~v", "C#", "c++", "Straße", "ﬁ ligature", "ǰ",
]
escape_inputs = [
  "", "posts", "NLP_Newsletter_-1_-FR", "NLP%E7", "a b", "c#", "c#/x#y", "a?b", "a?b?c#d", "a:b", "a:b/c",
  "mailto:x", "x/y:z", "[x]", "50%", "tl;dr", "NLP简报", "ok\n%bad", "//host/path", "a@b", "é", "—",
  "Custom-Slug!-(v2)", "*star*", "quote\"s", "<tag>", "back\\slash", "pipe|", "caret^", "`tick`", "{brace}",
]
sanitize_inputs = [
  "/posts/x/", "//a//b//", "a/../b", "a/./b", "a...b", "x./y", "a..", "/:cat/./x", "", "..//..",
]
dates = [
  "2020-03-16", "2020-4-6", "20-03-16", "69-01-01", "68-01-01", "0020-03-16", "202-03-16", "2019-02-29",
  "2020-02-30", "2020-02-31", "2020-02-32", "2020-13-01", "2020-00-10", "2020-03-00", "2020-03-16 10:30",
  "2020-03-16 10:30:00 +0100", "2020-03-16T10:30:00Z", "2020-03-16T10:30:00-05:00", "2020-03-16 10:30:00 -0500",
  "2020-03-16 10:30:00 UTC", "2020-03-16 10:30:00 PST", "2020-03-16 10:30:00.123456 +01:00", "2020-03-16 25:00",
  "2020-03-16 24:00", "2020-03-16 24:30", "2020-03-16 10:60", "2020-03-16 10:30:60", "2020-03-16 9:5",
  "2020/03/16", "2020/3/16 10:30", "2020-03-16 10:30 pm", "2020-03-16 12:30 am", "2020-03-16 13:30 pm",
  "2020-03-16 10:30 a.m.", "2020-03-16T10:30", "2020-03-16 10:30:00 +01", "2020-03-16 10:30:00+0100",
  "2020-03-16 10:30:00 +1", "2020-03-16 10:30:00 -5", "2020-03-16 10:30:00 +130", "2020-03-16 10:30:00 CET",
  "2020-03-16 10:30:00 A", "2020-03-16 10:30:00 N", "2020-03-16 10:30:00 J", "2020-03-16 10:30:00 z",
  "2020-03-16 10:30:00 -12:30", "2020-03-16 10:30:00 +23:59", "2020-03-16 10:30:00 +24:00",
  "2020-03-16 10:30:00 +01:00:30", "2020-03-16 10:30:00 edt", " 2020-03-16 ", "2020-03-16  10:30",
  "2020-03-08 02:30", "2020-11-01 01:30", "2020-03-29 02:30", "2020-10-25 02:30", "2020-03-16T10:30:00.999Z",
  "+20-03-16", "-2020-03-16",
]
yaml_dates = [
  "2020-03-16", "2020-3-6", "2020-03-16 10:30:00", "2020-03-16 10:30", "2020-03-16 10:30:00 +0100",
  "2020-03-16 10:30:00 +01:00", "2020-03-16T10:30:00Z", "2020-03-16 10:30:00 -5", "2020-03-16 10:30:00.5",
  "2020-03-16t10:30:00z", "2020-03-16   10:30:00", "2020-02-30 10:30:00", "2020-03-16 10:30:00 -00:30",
  "2020-03-16 10:30:00 +013", "2020-11-01 01:30:00",
]
zones = ["UTC", "America/New_York", "Europe/Paris", "Asia/Kolkata", "Australia/Lord_Howe"]

def date_result(&block)
  time = block.call
  { "seconds" => time.to_i, "nanoseconds" => time.nsec, "local" => time.strftime("%Y-%m-%d %H:%M:%S %z") }
rescue StandardError => e
  { "error" => e.class.name }
end

out = { "slugify" => [], "escape_path" => [], "sanitize_url" => [], "parse_date" => [], "front_matter_date" => [] }
slug_inputs.each do |input|
  %w(raw default pretty ascii latin none).each do |mode|
    [false, true].each do |cased|
      out["slugify"] << { "input" => input, "mode" => mode, "cased" => cased,
                          "output" => Jekyll::Utils.slugify(input, :mode => mode, :cased => cased) }
    end
  end
end
escape_inputs.each { |input| out["escape_path"] << { "input" => input, "output" => Jekyll::URL.escape_path(input) } }
url = Jekyll::URL.new(:template => "/", :placeholders => {})
sanitize_inputs.each do |input|
  out["sanitize_url"] << { "input" => input, "output" => url.send(:sanitize_url, input) }
end
zones.each do |zone|
  ENV["TZ"] = zone
  dates.each do |input|
    Jekyll::Utils.instance_variable_set(:@parse_date_cache, {})
    out["parse_date"] << { "zone" => zone, "input" => input }.merge(date_result { Jekyll::Utils.parse_date(input) })
  end
  yaml_dates.each do |input|
    Jekyll::Utils.instance_variable_set(:@parse_date_cache, {})
    result = date_result do
      value = Jekyll::Utils.safe_load_yaml("date: #{input}")["date"]
      Jekyll::Utils.parse_date(value.to_s)
    end
    out["front_matter_date"] << { "zone" => zone, "input" => input }.merge(result)
  end
end
puts JSON.pretty_generate(out)
