"""Generalisation guards: questions absent from the knowledge still find the right facts, or an
honest decline. tests/eval/README.md says how each set was written (before tuning) and scored."""
import html
import re
import unicodedata

import pytest
import yaml

from bot.domain.assistant import Assistant
from bot.testing.client import shared_store
from bot.views.presenter import Presenter
from bot.views.render import Renderer
from tests.conftest import KNOWLEDGE, ROOT

LANGS = {"zh-Hant": "zh_Hant", "en": "en"}
# (set, share that must pass), each a little under what it measures now, so that a change that
# loses residents' questions fails here. paraphrases.yaml measured 0.98 when written; residents.yaml
# (386 residents' questions, issue 9) 0.725 untuned, 0.982 now; residents-fresh.yaml (131, written
# after tuning by someone who had not seen the others) 0.885 at first run, 0.969 now;
# residents-unseen.yaml (170, a third writer) 0.800 at first run, 0.971 now; residents-final.yaml
# (130, a fourth writer) 0.823 at first run, 0.946 now; residents-public.yaml (150, a fifth writer,
# public-page style) 0.913 at first run, 0.953 now; residents-last.yaml (134, a sixth writer) 0.858
# at first run, 0.873 when run again after all tuning on the others, 0.910 after tuning on it too;
# residents-seventh.yaml (122, a seventh writer) 0.918 at first run, 0.951 now; residents-eighth.yaml
# (150, an eighth writer, phone-chat style) 0.887 at first run, 0.953 after tuning on it; residents-tenth.yaml
# (150) 0.927 at first run, 0.980 after; residents-eleventh.yaml (150) 0.927 at first run, 0.947 after;
# residents-twelfth.yaml (150) 0.940 at first run; residents-ninth.yaml (150, sealed until the end of the
# fifth session) 0.927 at its one sealed run, 0.960 after fixing what it showed.
SETS = [("paraphrases.yaml", 0.95), ("residents.yaml", 0.97), ("residents-fresh.yaml", 0.95),
        ("residents-unseen.yaml", 0.95), ("residents-final.yaml", 0.94), ("residents-public.yaml", 0.94),
        ("residents-last.yaml", 0.91), ("residents-seventh.yaml", 0.93), ("residents-eighth.yaml", 0.94),
        ("residents-tenth.yaml", 0.96), ("residents-eleventh.yaml", 0.93), ("residents-twelfth.yaml", 0.93),
        ("residents-ninth.yaml", 0.94), ("residents-thirteenth.yaml", 0.95), ("residents-fourteenth.yaml", 0.96),
        ("residents-sixteenth.yaml", 0.95), ("residents-seventeenth.yaml", 0.97), ("residents-eighteenth.yaml", 0.93),
        ("residents-nineteenth.yaml", 0.89), ("residents-twentieth.yaml", 0.94), ("residents-twentyfirst.yaml", 0.95),
        ("residents-twentysecond.yaml", 0.93), ("residents-twentythird.yaml", 0.93), ("residents-twentyfourth.yaml", 0.94),
        ("residents-twentyfifth.yaml", 0.97), ("residents-twentysixth.yaml", 0.93), ("residents-twentyseventh.yaml", 0.92),
        ("residents-fifteenth.yaml", 0.93), ("residents-twentyeighth.yaml", 0.93), ("residents-twentyninth.yaml", 0.97),
        # seventh session, first runs 91.3 / 95.3 / 94.7 / 96.0 %
        ("residents-thirtyfirst.yaml", 0.91), ("residents-thirtysecond.yaml", 0.95), ("residents-thirtythird.yaml", 0.97),
        ("residents-thirtyfourth.yaml", 0.97),
        # …and against the code of the first changes: 94.0 / 90.0 / 96.0 %
        ("residents-thirtyfifth.yaml", 0.95), ("residents-thirtysixth.yaml", 0.90), ("residents-thirtyseventh.yaml", 0.96),
        # …and against the code of the third changes: 90.7 / 95.3 %
        ("residents-thirtyeighth.yaml", 0.90), ("residents-thirtyninth.yaml", 0.95),
        # sealed until the end of the seventh session, each run once against its final understanding code:
        # 92.7 / 96.0 / 98.0 % (on the questions no earlier set has word for word: 92.0 / 95.3 / 97.3 %)
        ("residents-thirtieth.yaml", 0.92), ("residents-fortieth.yaml", 0.95), ("residents-fortyfirst.yaml", 0.97),
        # eighth session, first runs 88.7 / 91.3 % (session start), 97.3 / 96.0 % (0779c40), 85.3 / 96.0 % (03fef65)
        ("residents-fortysecond.yaml", 0.90), ("residents-fortythird.yaml", 0.96), ("residents-fortyseventh.yaml", 0.98),
        ("residents-fortyeighth.yaml", 0.97), ("residents-fortyninth.yaml", 0.88), ("residents-fiftieth.yaml", 0.96),
        # …and 94.0 / 97.3 % (d2be557)
        ("residents-fiftyfirst.yaml", 0.94), ("residents-fiftysecond.yaml", 0.97), ("residents-fiftythird.yaml", 0.92),
        # sealed until the end of the eighth session, each run once against its final understanding code (8d37e0d):
        # 96.7 / 96.0 / 92.7 / 95.3 %; their writers checked that no question repeats an earlier set's
        ("residents-fortyfourth.yaml", 0.96), ("residents-fortyfifth.yaml", 0.96), ("residents-fortysixth.yaml", 0.92),
        ("residents-fiftyfourth.yaml", 0.95),
        # ninth session, first runs 87.3 / 87.3 / 84.7 % (session start)
        ("residents-fiftyeighth.yaml", 0.87), ("residents-fiftyninth.yaml", 0.87), ("residents-sixtieth.yaml", 0.84),
        # …and 85.3 / 92.0 / 88.0 % (0853984)
        ("residents-sixtyfirst.yaml", 0.85), ("residents-sixtysecond.yaml", 0.92), ("residents-sixtythird.yaml", 0.88),
        # sealed until the end of the ninth session, each run once against its final understanding code (50d07f3):
        # 92.7 / 88.0 / 86.0 %; written in styles no earlier set used (voice input for parents, movers between
        # cities mixing English, terse abbreviations)
        ("residents-fiftyfifth.yaml", 0.92), ("residents-fiftysixth.yaml", 0.88), ("residents-fiftyseventh.yaml", 0.86),
        # tenth session, first runs 88.0 % (session start) and 82.0 % (62a8223); 94.7 / 87.3 % after tuning on them
        ("residents-sixtyseventh.yaml", 0.94), ("residents-sixtyeighth.yaml", 0.87),
        # eleventh session, sealed and run once each: 90.0 / 93.3 / 92.0 % at the session's start (8fd9623; dialect and
        # voice input, yes/no and either-or with time words, search-box keywords), 88.7 / 92.0 % at 7693264 (relayed
        # by helpers, worried residents with deadlines); after tuning on them:
        ("residents-sixtyninth.yaml", 0.95), ("residents-seventieth.yaml", 0.94), ("residents-seventyfirst.yaml", 0.94),
        ("residents-seventysecond.yaml", 0.88), ("residents-seventythird.yaml", 0.95),
        # …and sealed until its end, run once against its final code (eebd4e2): 87.3 / 94.0 % (sharper follow-ups
        # with own figures; WeChat group posts)
        ("residents-seventyfourth.yaml", 0.87), ("residents-seventyfifth.yaml", 0.94),
        # twelfth session, sealed and run once each: 90.7 / 94.7 % at 263e6ee (residents writing with time words late
        # in 2026; handwriting and stroke-input look-alikes), 83.3 / 90.7 % at aea800a (the whole extended family by
        # relation; relatives abroad in English and Hong Kong / Taiwan Chinese); after tuning on them:
        ("residents-seventysixth.yaml", 0.91), ("residents-seventyseventh.yaml", 0.94),
        ("residents-seventyeighth.yaml", 0.87), ("residents-seventyninth.yaml", 0.95),
        # …and sealed until its end, run once against its final understanding code (38922f7): 95.3 / 89.3 / 80.0 %
        # (near-misses of what the knowledge covers; Chinese with English mixed in; choices and comparisons)
        ("residents-eightieth.yaml", 0.95), ("residents-eightyfirst.yaml", 0.90), ("residents-eightysecond.yaml", 0.82),
        # thirteenth session, sealed and run once at its start (ef3cfb9): 91.3 / 83.3 % (counties, districts and
        # hospitals named instead of cities; questions led by an illness or treatment)
        ("residents-eightythird.yaml", 0.93), ("residents-eightyfourth.yaml", 0.93),
        # …and midway (ff0a274): 88.0 / 80.7 % (life stage and status; troubleshooting, stuck in the middle of doing it)
        ("residents-eightyfifth.yaml", 0.95), ("residents-eightysixth.yaml", 0.85),
        # …and at its end (6ace0c5): 83.3 / 92.7 / 88.0 / 86.0 / 83.3 % (where, who and through what; traditional
        # characters; figures carried by rule questions; pasted SMS, bills and IDs; internet slang and pinyin initials)
        ("residents-eightyseventh.yaml", 0.84), ("residents-eightyeighth.yaml", 0.93), ("residents-eightyninth.yaml", 0.89),
        ("residents-ninetieth.yaml", 0.9), ("residents-ninetyfirst.yaml", 0.93),
        # fourteenth session, sealed sets each run once at its start (0695918): 92.0 / 89.3 % (what a term means;
        # voice input that misheard our words as other words)
        ("residents-ninetysecond.yaml", 0.92), ("residents-ninetyfourth.yaml", 0.89),
        # …and midway (3ed8b12): 91.3 / 85.3 % (look-alike places; requests, not questions)
        ("residents-ninetythird.yaml", 0.92), ("residents-ninetyfifth.yaml", 0.86),
        # …and at its end (0277275): 86.0 / 91.3 / 79.3 / 69.3 / 84.0 % (exclusions and negatives; Chinese numerals;
        # English as texted; commercial insurance and crowdfunding beside ours; time and waiting)
        ("residents-ninetysixth.yaml", 0.85), ("residents-ninetyseventh.yaml", 0.9), ("residents-ninetyeighth.yaml", 0.8),
        ("residents-ninetyninth.yaml", 0.76), ("residents-hundredth.yaml", 0.83),
        # fifteenth session, sealed sets each run once: 77.3 / 91.3 % at its start (9f3b25f; older and everyday names,
        # "what if" questions), 92.0 / 70.7 % midway (da8a435; trade jargon of those asking for a resident, several
        # questions in one message), 92.7 / 89.3 / 92.7 / 75.3 / 90.0 % at its end (b73a56a; formal letters, "confirm
        # my understanding", careful English of foreigners, look-alike product names, the asker's persona first)
        ("residents-hundredfourth.yaml", 0.89), ("residents-hundredsixth.yaml", 0.9), ("residents-hundredsecond.yaml", 0.92),
        ("residents-hundredthird.yaml", 0.88), ("residents-hundredfirst.yaml", 0.93), ("residents-hundredfifth.yaml", 0.9),
        ("residents-hundredseventh.yaml", 0.93), ("residents-hundredeighth.yaml", 0.83), ("residents-hundredninth.yaml", 0.91),
        # sixteenth session, sealed sets each run once: 67.3 / 73.3 % at its start (d1327da; things described instead of
        # named, machine-translated English), 72.0 / 86.0 % midway (3b6315c; residents correcting themselves, negated
        # facts and exceptions), 61.3 / 92.0 / 91.3 / 93.3 / 92.0 % at its end (938ac7a; comparisons across cities,
        # format demands, hospitals as the place, relayed words, typos in the rule words)
        ("residents-hundredtenth.yaml", 0.81), ("residents-hundredthirteenth.yaml", 0.87), ("residents-hundredeleventh.yaml", 0.88),
        ("residents-hundredtwelfth.yaml", 0.89), ("residents-hundredfourteenth.yaml", 0.71), ("residents-hundredfifteenth.yaml", 0.92),
        ("residents-hundredsixteenth.yaml", 0.91), ("residents-hundredseventeenth.yaml", 0.93), ("residents-hundredeighteenth.yaml", 0.92),
        # seventeenth session, sealed sets each run once: 88.7 / 86.7 % at its start (325bdcf; written Cantonese and
        # Taiwan/HK wording, questions at a rule's edge), 88.7 / 74.0 % midway (4df8507; Chinese as a second language,
        # clipped names and one-character cities), 84.0 / 88.7 / 84.7 / 92.7 / 86.7 % at its end (6836ecc; everyday words
        # for the rule words, distracting details, why and what-if-not, quantifiers, symbols and notation)
        ("residents-hundredtwentieth.yaml", 0.87), ("residents-hundredtwentythird.yaml", 0.89), ("residents-hundrednineteenth.yaml", 0.88),
        ("residents-hundredtwentyfirst.yaml", 0.9), ("residents-hundredtwentysecond.yaml", 0.86), ("residents-hundredtwentyfourth.yaml", 0.9),
        ("residents-hundredtwentyfifth.yaml", 0.84), ("residents-hundredtwentysixth.yaml", 0.92), ("residents-hundredtwentyseventh.yaml", 0.87),
        # eighteenth session, sealed sets each run once: 86.0 / 79.3 % at its start (f548301; what the resident already knows,
        # units and scopes asked), 82.7 / 98.7 % midway (c93f366; accent-driven typos, afterthought word order), 85.3 / 82.7 /
        # 90.0 / 92.7 / 91.3 % at its end (4488644; world Englishes, order and prerequisites, pointers back within one
        # message, half-remembered names, quiz items)
        ("residents-hundredthirtyfirst.yaml", 0.88), ("residents-hundredtwentyninth.yaml", 0.82), ("residents-hundredtwentyeighth.yaml", 0.89),
        ("residents-hundredthirtysecond.yaml", 0.98), ("residents-hundredthirtieth.yaml", 0.87), ("residents-hundredthirtythird.yaml", 0.83),
        ("residents-hundredthirtyfourth.yaml", 0.94), ("residents-hundredthirtyfifth.yaml", 0.96), ("residents-hundredthirtysixth.yaml", 0.94),
        # twentieth session, sealed sets each run once: 94.7 / 86.7 / 87.3 / 94.0 % at its start (5488db1; source and
        # authority, several people and sums, lists and counts, mixed scripts), 89.3 / 76.7 % midway (0bca6a5; advice and
        # opinion, nine-key keyboard slips), 89.3 / 93.3 / 88.0 % at its end (466f5ac; rhetorical and incredulous,
        # changes over time, mismatched pairs)
        ("residents-hundredthirtyseventh.yaml", 0.94), ("residents-hundredthirtyeighth.yaml", 0.87), ("residents-hundredthirtyninth.yaml", 0.89),
        ("residents-hundredfortieth.yaml", 0.87), ("residents-hundredfortyfirst.yaml", 0.89), ("residents-hundredfortysecond.yaml", 0.95),
        ("residents-hundredfortythird.yaml", 0.89), ("residents-hundredfortyfourth.yaml", 0.93), ("residents-hundredfortyfifth.yaml", 0.88),
        # twenty-first session, sealed sets each run once: 88.0 / 92.7 / 93.3 / 92.0 % at its start (8e705ec; thumb slips,
        # angry and worried, keyword queries, illnesses and treatments named), 93.3 / 90.0 % midway (5093ee1; life events,
        # polite and indirect), 89.3 / 90.0 / 80.7 % at its end (53a1670; work and status, yes/no, comparisons within a city)
        ("residents-hundredfortysixth.yaml", 0.9), ("residents-hundredfortyseventh.yaml", 0.93), ("residents-hundredfortyeighth.yaml", 0.94),
        ("residents-hundredfortyninth.yaml", 0.92), ("residents-hundredfiftieth.yaml", 0.88), ("residents-hundredfiftyfirst.yaml", 0.94),
        ("residents-hundredfiftysecond.yaml", 0.93), ("residents-hundredfiftythird.yaml", 0.9), ("residents-hundredfiftyfourth.yaml", 0.82),
        # twenty-third session, sealed sets each run once: 78.7 / 86.0 / 85.3 / 72.0 / 92.0 % at its start (df061e0; pinyin
        # words, special circumstances, families across cities, things told by a figure or a feature, third-person stories),
        # 78.7 / 91.3 / 88.1 % midway (ceac05a; after the care: paperwork and payouts, run-on voice messages, scam checks),
        # 87.3 / 96.0 / 65.3 % at its end (5c709c9; long messages, social-media posts, things told by what they do)
        ("residents-hundredsixtyninth.yaml", 0.93), ("residents-hundredseventieth.yaml", 0.89), ("residents-hundredseventyfirst.yaml", 0.85),
        ("residents-hundredseventysecond.yaml", 0.75), ("residents-hundredseventythird.yaml", 0.79), ("residents-hundredseventyfourth.yaml", 0.92),
        ("residents-hundredseventyfifth.yaml", 0.91), ("residents-hundredseventysixth.yaml", 0.91), ("residents-hundredseventyseventh.yaml", 0.87),
        ("residents-hundredseventyeighth.yaml", 0.95), ("residents-hundredseventyninth.yaml", 0.70),
        # twenty-fourth session, sealed sets each run once: 93.3 / 80.0 / 69.3 / 82.7 / 88.0 % at its start (73c28e5; angry
        # rants, why and what-if-not, word-by-word English, replies quoting something first, edge cases), 86.0 / 86.7 %
        # midway (c820755; asking for leniency, local speech), 95.3 / 80.5 % at its end (99e1740; the fact and where it
        # comes from, mistakes already made)
        ("residents-hundredeightieth.yaml", 0.93), ("residents-hundredeightyfirst.yaml", 0.79), ("residents-hundredeightysecond.yaml", 0.9),
        ("residents-hundredeightythird.yaml", 0.83), ("residents-hundredeightyfourth.yaml", 0.87), ("residents-hundredeightyfifth.yaml", 0.86),
        ("residents-hundredeightysixth.yaml", 0.86), ("residents-hundredeightyseventh.yaml", 0.95), ("residents-hundredeightyeighth.yaml", 0.8),
        # twenty-fifth session, sealed sets each run once: 94.1 / 88.7 / 94.7 / 80.7 / 86.7 / 88.7 / 86.1 / 95.3 / 80.0 % at its
        # start (7c54e5b; Telegram group addressing, personal data and stray numbers, traditional typed with Taiwan/HK input,
        # texting English, where and who, how long and when, exclusions, chit-chat wrapped around, other cover held),
        # 99.3 / 71.3 % midway (a4e68c3; the same question twice in two languages, category mistakes)
        ("residents-hundredeightyninth.yaml", 0.94), ("residents-hundredninetieth.yaml", 0.91), ("residents-hundredninetyfirst.yaml", 0.94),
        ("residents-hundredninetysecond.yaml", 0.82), ("residents-hundredninetythird.yaml", 0.87), ("residents-hundredninetyfourth.yaml", 0.89),
        ("residents-hundredninetyfifth.yaml", 0.88), ("residents-hundredninetysixth.yaml", 0.95), ("residents-hundredninetyseventh.yaml", 0.82),
        ("residents-hundredninetyeighth.yaml", 0.99), ("residents-hundredninetyninth.yaml", 0.74),
        # twenty-sixth session, sealed and run once each at its start (7abe36e): 86.7 / 94.0 / 94.9 / 76.3 / 95.6 % (emoji
        # standing for words, two places in every question, a plain everyday mix, English describing rather than naming,
        # numbers and schedules asked precisely); after tuning:
        ("residents-twohundredth.yaml", 0.91), ("residents-twohundredfirst.yaml", 0.93), ("residents-twohundredsecond.yaml", 0.94),
        ("residents-twohundredthird.yaml", 0.76), ("residents-twohundredfourth.yaml", 0.95),
        # twenty-seventh session, sealed and run once each at its start (8c2dc61): 83.4 / 93.1 / 85.5 / 91.1 / 92.4 % (a second
        # plain everyday mix, public Q&A pages, English everyday mix, traditional everyday mix, the hard kinds of #9 mixed
        # in every message); after tuning:
        ("residents-twohundredfifth.yaml", 0.85), ("residents-twohundredsixth.yaml", 0.94), ("residents-twohundredseventh.yaml", 0.87),
        ("residents-twohundredeighth.yaml", 0.92), ("residents-twohundredninth.yaml", 0.92),
        # twenty-eighth session, sealed and run once each at its start (733d12b): 88.0 / 90.6 / 84.3 / 91.9 / 84.2 % (a third
        # plain everyday mix, public Q&A pages, English everyday mix, elderly residents typing short dialect messages,
        # other phrasings of every item knowledge-coverage.md names); after tuning:
        ("residents-twohundredtenth.yaml", 0.89), ("residents-twohundredeleventh.yaml", 0.91), ("residents-twohundredtwelfth.yaml", 0.88),
        ("residents-twohundredthirteenth.yaml", 0.94), ("residents-twohundredfourteenth.yaml", 0.86),
        # twenty-ninth session, sealed and run once each at its start (2741b1c): 89.4 / 90.8 / 93.1 / 91.1 / 95.6 % (English
        # by non-native writers and relatives abroad, the city told only as home, work or care, adult children writing for
        # parents, Hong Kong/Taiwan/Macau relatives in traditional characters, checking a poster or news claim); after tuning:
        ("residents-twohundredfifteenth.yaml", 0.90), ("residents-twohundredsixteenth.yaml", 0.92), ("residents-twohundredseventeenth.yaml", 0.93),
        ("residents-twohundredeighteenth.yaml", 0.93), ("residents-twohundrednineteenth.yaml", 0.96),
        # thirtieth session, sealed and run once each at its start (94cdec6): 95.7 / 87.7 / 93.4 / 92.0 / 94.5 % (voice-to-text
        # transcripts, yes/no questions built on a right or wrong assumption, search-box keywords with shape typos, community
        # workers and hospital staff in a formal register, hurried or upset residents); after tuning:
        ("residents-twohundredtwentieth.yaml", 0.96), ("residents-twohundredtwentyfirst.yaml", 0.91), ("residents-twohundredtwentysecond.yaml", 0.97),
        ("residents-twohundredtwentythird.yaml", 0.93), ("residents-twohundredtwentyfourth.yaml", 0.96),
        # …and three more sealed midway (702b78a, after tuning on the five above): 82.5 / 82.8 / 92.2 % (who qualifies at the
        # edges, comparisons and choices, numbers written every way); after tuning:
        ("residents-twohundredtwentyfifth.yaml", 0.85), ("residents-twohundredtwentysixth.yaml", 0.87), ("residents-twohundredtwentyseventh.yaml", 0.92),
        # thirty-first session, sealed and run once each at its start (8c355c6): 91.2 / 88.0 / 88.3 / 95.8 / 94.5 % (the dialects
        # of the five cities, exclusions and negations, time and deadlines, young people's internet slang, precise details);
        # after tuning:
        ("residents-twohundredtwentyeighth.yaml", 0.93), ("residents-twohundredtwentyninth.yaml", 0.90), ("residents-twohundredthirtieth.yaml", 0.90),
        ("residents-twohundredthirtyfirst.yaml", 0.95), ("residents-twohundredthirtysecond.yaml", 0.94),
        # …and three more sealed midway (9d8cf07, after tuning on the five above; the same at the start): 78.3 / 85.1 / 58.7 %
        # (products described, not named; who the relative is; several questions in one message); after tuning:
        ("residents-twohundredthirtythird.yaml", 0.79), ("residents-twohundredthirtyfourth.yaml", 0.85), ("residents-twohundredthirtyfifth.yaml", 0.70),
        # thirty-second session, sealed and run once each at its start (bab434e): 85.1 / 92.1 / 89.8 / 84.2 / 93.8 % (old and
        # wrong names, pinyin letters inside Chinese, what-ifs, when something did not work, implied questions); after tuning:
        ("residents-twohundredthirtysixth.yaml", 0.93), ("residents-twohundredthirtyseventh.yaml", 0.95), ("residents-twohundredthirtyeighth.yaml", 0.89),
        ("residents-twohundredthirtyninth.yaml", 0.88), ("residents-twohundredfortieth.yaml", 0.93),
        # …and five more sealed midway (36ea1cf, after tuning on the five above): 91.6 / 76.0 / 91.9 / 95.8 / 89.3 % (places
        # below the city, clipped names, now and this year, what changed, the bill in hand); after tuning:
        ("residents-twohundredfortyfirst.yaml", 0.93), ("residents-twohundredfortysecond.yaml", 0.84), ("residents-twohundredfortythird.yaml", 0.91),
        ("residents-twohundredfortyfourth.yaml", 0.95), ("residents-twohundredfortyfifth.yaml", 0.89),
        # thirty-third session, sealed and run once each at its start (ac9444f): 95.2 / 85.3 / 91.5 / 83.5 / 82.5 % (noisy typing,
        # family aid in depth, how many and up to what, papers and proof, money coming and going); after tuning:
        ("residents-twohundredfortysixth.yaml", 0.98), ("residents-twohundredfortyseventh.yaml", 0.86), ("residents-twohundredfortyeighth.yaml", 0.92),
        ("residents-twohundredfortyninth.yaml", 0.87), ("residents-twohundredfiftieth.yaml", 0.85),
        # …and five more sealed midway (6c7c8db, after tuning on the five above): 84.8 / 76.3 / 96.9 / 90.0 / 88.3 % (free or
        # paid, misuse and its consequences, polite wrappers, advice-seeking, in the app right now); after tuning:
        ("residents-twohundredfiftyfirst.yaml", 0.89), ("residents-twohundredfiftysecond.yaml", 0.79), ("residents-twohundredfiftythird.yaml", 0.97),
        ("residents-twohundredfiftyfourth.yaml", 0.90), ("residents-twohundredfiftyfifth.yaml", 0.88),
        # thirty-fourth session, sealed and run once each at its start (c877929): 92.5 / 91.4 / 89.6 / 92.2 / 91.3 % (life events,
        # named illnesses and treatments, away from home, look-alikes of ours, hearsay to check); after tuning:
        ("residents-twohundredfiftysixth.yaml", 0.93), ("residents-twohundredfiftyseventh.yaml", 0.93), ("residents-twohundredfiftyeighth.yaml", 0.90),
        ("residents-twohundredfiftyninth.yaml", 0.96), ("residents-twohundredsixtieth.yaml", 0.92),
        # …and five more sealed midway (55ef110, after tuning on the five above): 87.4 / 94.3 / 86.4 / 93.0 / 51.6 % (special
        # groups, shape-alike typos, English long stories, students and young workers, comparing our own cities); after tuning:
        ("residents-twohundredsixtyfirst.yaml", 0.90), ("residents-twohundredsixtysecond.yaml", 0.94), ("residents-twohundredsixtythird.yaml", 0.88),
        ("residents-twohundredsixtyfourth.yaml", 0.93), ("residents-twohundredsixtyfifth.yaml", 0.60),
        # thirty-fifth session, sealed and run once each at its start (d39b6ad): 93.8 / 95.0 / 95.0 / 91.9 / 92.8 % (a fourth
        # everyday mix, social-media posts, pinyin same-sound typos, code-switching, which city is which); after tuning:
        ("residents-twohundredsixtysixth.yaml", 0.95), ("residents-twohundredsixtyseventh.yaml", 0.97), ("residents-twohundredsixtyeighth.yaml", 0.97),
        ("residents-twohundredsixtyninth.yaml", 0.93), ("residents-twohundredseventieth.yaml", 0.95),
        # …and five more sealed midway (17a571c, after tuning on the five above): 80.8 / 92.7 / 88.8 / 84.5 / 90.7 % (the bound
        # relative's side, personal details pasted in, the amount in the question, too late or after the fact, neighbours of
        # every product); after tuning:
        ("residents-twohundredseventyfirst.yaml", 0.85), ("residents-twohundredseventysecond.yaml", 0.93), ("residents-twohundredseventythird.yaml", 0.89),
        ("residents-twohundredseventyfourth.yaml", 0.86), ("residents-twohundredseventyfifth.yaml", 0.92),
        # thirty-sixth session, sealed and run once each at its start (8ec8a7b): 89.2 / 92.0 / 85.5 / 90.7 / 93.2 % (asked for
        # someone else, checking what I believe, what is the difference, a fifth everyday mix, dates, ages and years); after tuning:
        ("residents-twohundredseventysixth.yaml", 0.90), ("residents-twohundredseventyseventh.yaml", 0.91), ("residents-twohundredseventyeighth.yaml", 0.85),
        ("residents-twohundredseventyninth.yaml", 0.92), ("residents-twohundredeightieth.yaml", 0.92),
        # …and five more sealed midway (b675349, after tuning on the five above): 59.0 / 88.8 / 85.6 / 92.5 / 81.6 % (our own
        # products mixed up, several asks in one message, what only the records know, villages and small towns, what happens
        # if); after tuning:
        ("residents-twohundredeightyfirst.yaml", 0.73), ("residents-twohundredeightysecond.yaml", 0.89), ("residents-twohundredeightythird.yaml", 0.92),
        ("residents-twohundredeightyfourth.yaml", 0.92), ("residents-twohundredeightyfifth.yaml", 0.81),
        # thirty-seventh session, sealed and run once each at its start (820dba1): 96.3 / 95.1 / 86.5 / 75.2 / 91.6 % (a sixth
        # everyday mix, cut-off and piecemeal messages, asking the bot to act, the wrong layer named for the fact, foreigners
        # and newcomers); after tuning:
        ("residents-twohundredeightysixth.yaml", 0.96), ("residents-twohundredeightyseventh.yaml", 0.94), ("residents-twohundredeightyeighth.yaml", 0.90),
        ("residents-twohundredeightyninth.yaml", 0.76), ("residents-twohundredninetieth.yaml", 0.92),
        # …and five more sealed midway (8006027, after tuning on the five above): 93.8 / 95.0 / 88.6 / 93.7 / 91.7 % (a seventh
        # everyday mix, traditional throughout, English throughout, a typo in every question, near-domain and must-decline
        # heavy); after tuning:
        ("residents-twohundredninetyfirst.yaml", 0.94), ("residents-twohundredninetysecond.yaml", 0.94), ("residents-twohundredninetythird.yaml", 0.89),
        ("residents-twohundredninetyfourth.yaml", 0.93), ("residents-twohundredninetyfifth.yaml", 0.91),
        # thirty-eighth session, sealed and run once each at its start (30d72b8): 94.9 / 82.8 / 93.6 / 79.1 / 94.5 % (an eighth
        # everyday mix, likened to something else, the bot spoken to as a person or the office, typed in toneless pinyin,
        # #9's hard kinds in every message); after tuning:
        ("residents-twohundredninetysixth.yaml", 0.95), ("residents-twohundredninetyseventh.yaml", 0.87),
        ("residents-twohundredninetyeighth.yaml", 0.94), ("residents-twohundredninetyninth.yaml", 0.92), ("residents-threehundredth.yaml", 0.94),
        # …and five more sealed midway (6de2dd7, after tuning on the five above): 90.3 / 94.2 / 92.3 / 93.7 / 89.0 % (a ninth
        # everyday mix, either-or questions, policy-notice vocabulary, conversational openers and closers, English expats):
        ("residents-threehundredfirst.yaml", 0.89), ("residents-threehundredsecond.yaml", 0.93), ("residents-threehundredthird.yaml", 0.91),
        ("residents-threehundredfourth.yaml", 0.92), ("residents-threehundredfifth.yaml", 0.87),
        # thirty-ninth session, sealed and run once each at its start (7596b16): 93.9 / 91.6 / 92.3 / 88.4 / 85.3 % (a tenth
        # everyday mix, two places in every message, figures typed as people type them, traditional by HK/Macau/TW
        # relatives, English with romanised names); after tuning:
        ("residents-threehundredsixth.yaml", 0.92), ("residents-threehundredseventh.yaml", 0.91),
        ("residents-threehundredeighth.yaml", 0.91), ("residents-threehundredninth.yaml", 0.89), ("residents-threehundredtenth.yaml", 0.90),
        # …and five more sealed midway (7d867ab, after tuning on the five above): 90.3 / 90.2 / 95.8 / 90.9 / 91.3 % (an
        # eleventh everyday mix by older residents, pinyin-keyboard slips, a case told and a fact asked, what others said
        # checked, English and Chinese mixed by young residents); after tuning:
        ("residents-threehundredeleventh.yaml", 0.90), ("residents-threehundredtwelfth.yaml", 0.91),
        ("residents-threehundredthirteenth.yaml", 0.95), ("residents-threehundredfourteenth.yaml", 0.90),
        ("residents-threehundredfifteenth.yaml", 0.92),
        # fortieth session, sealed and run once each at its start (ff5d1a0): 89.6 / 82.6 / 94.2 / 89.0 / 95.9 % (a twelfth
        # everyday mix, three generations in every message, regional speech of the five cities, time in every question,
        # long voice-to-text with self-corrections); after tuning:
        ("residents-threehundredsixteenth.yaml", 0.90), ("residents-threehundredseventeenth.yaml", 0.82),
        ("residents-threehundredeighteenth.yaml", 0.94), ("residents-threehundrednineteenth.yaml", 0.91),
        ("residents-threehundredtwentieth.yaml", 0.96),
        # …and five more sealed midway (968a56c, after tuning on the five above): 90.7 / 85.8 / 95.4 / 77.0 / 82.8 % (a
        # thirteenth everyday mix with very terse asks, English texting, asked on behalf of others by community workers,
        # comparisons in one message, words quoted from an answer or a screen); after tuning:
        ("residents-threehundredtwentyfirst.yaml", 0.92), ("residents-threehundredtwentysecond.yaml", 0.85),
        ("residents-threehundredtwentythird.yaml", 0.94), ("residents-threehundredtwentyfourth.yaml", 0.77),
        ("residents-threehundredtwentyfifth.yaml", 0.82),
        # forty-first session, sealed and run once each at its start (453d75b): 90.7 / 94.4 / 90.9 / 95.8 / 89.8 % (a
        # fourteenth everyday mix, young people's slang and emoji, people away from home, code-switching office workers,
        # phone novices asking where to tap); after tuning:
        ("residents-threehundredtwentysixth.yaml", 0.91), ("residents-threehundredtwentyseventh.yaml", 0.94),
        ("residents-threehundredtwentyeighth.yaml", 0.92), ("residents-threehundredtwentyninth.yaml", 0.95),
        ("residents-threehundredthirtieth.yaml", 0.90),
        # …and five more sealed midway (09c3265, after tuning on the five above): 88.6 / 75.6 / 87.9 / 97.5 / 92.6 % (a
        # fifteenth everyday mix, many keywords only, comparisons in one message (a second set), the asker told as the
        # relative of the one asked about, messages repeating their ask, English with heavy misspellings); after tuning:
        ("residents-threehundredthirtyfirst.yaml", 0.88), ("residents-threehundredthirtysecond.yaml", 0.76),
        ("residents-threehundredthirtythird.yaml", 0.87), ("residents-threehundredthirtyfourth.yaml", 0.97),
        ("residents-threehundredthirtyfifth.yaml", 0.93),
        # forty-second session, sealed and run once each at its start (154282d): 90.9 / 73.0 / 83.7 / 94.9 / 91.6 % (a
        # sixteenth everyday mix, comparisons in one message (a third set), English by foreign spouses and in-laws,
        # traditional characters with keyboard slips, figures told beside a fact asked); after tuning:
        ("residents-threehundredthirtysixth.yaml", 0.90), ("residents-threehundredthirtyseventh.yaml", 0.74),
        ("residents-threehundredthirtyeighth.yaml", 0.85), ("residents-threehundredthirtyninth.yaml", 0.95),
        ("residents-threehundredfortieth.yaml", 0.93),
        # …and five more sealed midway (925d6cb, after tuning on the five above): 87.7 / 86.3 / 79.2 / 91.5 / 76.1 % (a
        # seventeenth everyday mix, Wu-flavoured Mandarin, traditional comparisons and switches, yes-no questions framed
        # negatively, people outside the family); after tuning:
        ("residents-threehundredfortyfirst.yaml", 0.88), ("residents-threehundredfortysecond.yaml", 0.86),
        ("residents-threehundredfortythird.yaml", 0.83), ("residents-threehundredfortyfourth.yaml", 0.92),
        ("residents-threehundredfortyfifth.yaml", 0.83),
        # forty-third session, sealed and run once each at its start (41346a0): 96.4 / 85.4 / 81.0 / 85.6 / 85.7 % (an
        # eighteenth everyday mix, durations and waits, money flows (whose purse pays), comparisons inside one city and
        # scheme, statements with the question only implied); after tuning:
        ("residents-threehundredfortysixth.yaml", 0.95), ("residents-threehundredfortyseventh.yaml", 0.86),
        ("residents-threehundredfortyeighth.yaml", 0.82), ("residents-threehundredfortyninth.yaml", 0.87),
        ("residents-threehundredfiftieth.yaml", 0.85),
        # …and five more sealed midway (658e6cd, after tuning on the five above): 90.1 / 93.8 / 82.5 / 83.4 / 96.3 % (a
        # nineteenth everyday mix, explaining to or persuading a relative, things to carry and show, the layers of
        # payment, people who just moved); after tuning:
        ("residents-threehundredfiftyfirst.yaml", 0.90), ("residents-threehundredfiftysecond.yaml", 0.93),
        ("residents-threehundredfiftythird.yaml", 0.85), ("residents-threehundredfiftyfourth.yaml", 0.84),
        ("residents-threehundredfiftyfifth.yaml", 0.96),
        # forty-fourth session, sealed and run once each at its start (5d05705): 95.0 / 91.6 / 89.1 / 94.5 / 90.8 % (a
        # twentieth everyday mix, named illnesses and treatments, old and unofficial names, complaints and frustration,
        # asking for the whole picture); after tuning:
        ("residents-threehundredfiftysixth.yaml", 0.94), ("residents-threehundredfiftyseventh.yaml", 0.90),
        ("residents-threehundredfiftyeighth.yaml", 0.92), ("residents-threehundredfiftyninth.yaml", 0.93),
        ("residents-threehundredsixtieth.yaml", 0.91),
        # …and five more sealed midway (95a4db5, after tuning on the five above): 94.7 / 92.4 / 87.8 / 88.1 / 92.1 % (a
        # twenty-first everyday mix, asking for advice or a decision, life events, whole households in numbers, questions
        # to and about the assistant itself); after tuning:
        ("residents-threehundredsixtyfirst.yaml", 0.93), ("residents-threehundredsixtysecond.yaml", 0.91),
        ("residents-threehundredsixtythird.yaml", 0.89), ("residents-threehundredsixtyfourth.yaml", 0.87),
        ("residents-threehundredsixtyfifth.yaml", 0.92),
        # forty-fifth session, sealed and run once each at its start (4976e43): 90.7 / 90.3 / 91.7 / 94.8 / 84.4 % (a
        # twenty-second everyday mix, hypotheticals and worst cases, exclusions and limits, formal letters, the person's
        # special circumstances); after tuning:
        ("residents-threehundredsixtysixth.yaml", 0.91), ("residents-threehundredsixtyseventh.yaml", 0.93),
        ("residents-threehundredsixtyeighth.yaml", 0.93), ("residents-threehundredsixtyninth.yaml", 0.95),
        ("residents-threehundredseventieth.yaml", 0.92),
        # …and five more sealed midway (9c4b9ad, after tuning on the five above): 91.2 / 94.4 / 93.6 / 92.9 / 93.9 % (a
        # twenty-third everyday mix, time relative to today, urgent questions at the counter, employers and HR staff,
        # hospital and pharmacy staff asking for a patient); after tuning:
        ("residents-threehundredseventyfirst.yaml", 0.92), ("residents-threehundredseventysecond.yaml", 0.94),
        ("residents-threehundredseventythird.yaml", 0.93), ("residents-threehundredseventyfourth.yaml", 0.94),
        ("residents-threehundredseventyfifth.yaml", 0.97),
        # forty-sixth session, sealed and run once each at its start (bcf5e7b): 95.4 / 89.8 / 96.2 / 86.4 / 88.8 % (a
        # twenty-fourth everyday mix, Chinese written by learners, where a fact comes from, part-way through a process,
        # exact thresholds and boundaries); after tuning:
        ("residents-threehundredseventysixth.yaml", 0.96), ("residents-threehundredseventyseventh.yaml", 0.93),
        ("residents-threehundredseventyeighth.yaml", 0.97), ("residents-threehundredseventyninth.yaml", 0.87),
        ("residents-threehundredeightieth.yaml", 0.90),
        # …and five more sealed midway (ac5151a, after tuning on the five above): 94.1 / 92.6 / 88.2 / 96.2 / 96.6 % (a
        # twenty-fifth everyday mix, imperatives and keyword commands, reverse questions, mixed scripts and widths,
        # a short or particular form of answer asked); after tuning:
        ("residents-threehundredeightyfirst.yaml", 0.94), ("residents-threehundredeightysecond.yaml", 0.94),
        ("residents-threehundredeightythird.yaml", 0.89), ("residents-threehundredeightyfourth.yaml", 0.96),
        ("residents-threehundredeightyfifth.yaml", 0.96),
        # forty-seventh session, sealed and run once each at its start (de007be): 96.5 / 89.7 / 86.8 / 87.6 / 90.5 % (a
        # twenty-sixth everyday mix, asked on behalf of someone else, stuck part-way through a process (what the screen
        # says), rumours checked, conditions and prerequisites); after tuning:
        ("residents-threehundredeightysixth.yaml", 0.96), ("residents-threehundredeightyseventh.yaml", 0.91),
        ("residents-threehundredeightyeighth.yaml", 0.89), ("residents-threehundredeightyninth.yaml", 0.88),
        ("residents-threehundredninetieth.yaml", 0.92),
        # …and five more sealed midway (48d2518, after tuning on the five above): 89.4 / 94.4 / 83.1 / 86.5 / 92.9 % (a
        # twenty-seventh everyday mix, learner English and pinyin, time questions, the resident's own arithmetic checked,
        # Hong Kong and Taiwan wording); after tuning:
        ("residents-threehundredninetyfirst.yaml", 0.91), ("residents-threehundredninetysecond.yaml", 0.94),
        ("residents-threehundredninetythird.yaml", 0.83), ("residents-threehundredninetyfourth.yaml", 0.87),
        ("residents-threehundredninetyfifth.yaml", 0.93),
        # forty-eighth session, sealed and run once each at its start (6627bfb): 90.3 / 89.3 / 91.5 / 88.5 / 88.9 % (a
        # twenty-eighth everyday mix, time questions planned ahead, statements without a question, pinyin left in Chinese
        # sentences, two places in one question); after tuning:
        ("residents-threehundredninetysixth.yaml", 0.92), ("residents-threehundredninetyseventh.yaml", 0.89),
        ("residents-threehundredninetyeighth.yaml", 0.93), ("residents-threehundredninetyninth.yaml", 0.89),
        ("residents-fourhundredth.yaml", 0.88),
        # …and five more sealed midway (7b79597, after tuning on the five above): 89.8 / 81.1 / 85.9 / 85.7 / 92.9 % (a
        # twenty-ninth everyday mix, the resident's own sums checked, a figure or term quoted from a bill or notice,
        # deciding between options, years named outright); after tuning:
        ("residents-fourhundredfirst.yaml", 0.89), ("residents-fourhundredsecond.yaml", 0.83),
        ("residents-fourhundredthird.yaml", 0.86), ("residents-fourhundredfourth.yaml", 0.86),
        ("residents-fourhundredfifth.yaml", 0.96),
        # forty-ninth session, sealed and run once each at its start (11917f4): 92.8 / 95.5 / 84.6 / 90.1 / 86.8 % (a
        # thirtieth everyday mix, frustrated or worried residents, something missing or impossible, regional wording of the
        # five cities, life events); after tuning:
        ("residents-fourhundredsixth.yaml", 0.93), ("residents-fourhundredseventh.yaml", 0.96),
        ("residents-fourhundredeighth.yaml", 0.85), ("residents-fourhundredninth.yaml", 0.91),
        ("residents-fourhundredtenth.yaml", 0.87),
        # …and five more sealed before any tuning, run once untuned (11917f4): 93.5 / 91.4 / 87.6 / 87.9 / 97.3 %, and
        # midway (1b191b7, after tuning on the five above): 93.5 / 91.4 / 88.1 / 87.9 / 97.3 % (a thirty-first everyday mix,
        # negative and doubting questions, residents of places near our five cities, half traditional and half English,
        # chatter around the question); after tuning:
        ("residents-fourhundredeleventh.yaml", 0.94), ("residents-fourhundredtwelfth.yaml", 0.92),
        ("residents-fourhundredthirteenth.yaml", 0.89), ("residents-fourhundredfourteenth.yaml", 0.89),
        ("residents-fourhundredfifteenth.yaml", 0.97),
        # fiftieth session, all ten sealed and run once untuned at its start (e6f093b): 90.6 / 91.3 / 93.4 / 81.9 / 84.7 /
        # 92.3 / 90.6 / 90.6 / 84.7 / 88.6 % (a thirty-second everyday mix, rumours checked, counties and districts named
        # for the city, something missing second style, English only second style, a thirty-third everyday mix, life
        # events second style, on behalf of someone, numbers as people write them, traditional only with HK/TW wording);
        # after tuning:
        ("residents-fourhundredsixteenth.yaml", 0.92), ("residents-fourhundredseventeenth.yaml", 0.91),
        ("residents-fourhundredeighteenth.yaml", 0.95), ("residents-fourhundrednineteenth.yaml", 0.83),
        ("residents-fourhundredtwentieth.yaml", 0.87), ("residents-fourhundredtwentyfirst.yaml", 0.94),
        ("residents-fourhundredtwentysecond.yaml", 0.92), ("residents-fourhundredtwentythird.yaml", 0.93),
        ("residents-fourhundredtwentyfourth.yaml", 0.87), ("residents-fourhundredtwentyfifth.yaml", 0.89),
        # fifty-first session, all fifteen sealed and run once untuned at its start (2a34266): 87.3 / 93.0 / 87.7 / 87.5 /
        # 92.7 / 86.7 / 88.5 / 90.0 / 92.4 / 94.4 % (something missing third style, numbers as people write them second
        # style, English only third style, Cantonese second style, a thirty-fourth everyday mix, two places in one question
        # second style, negative and doubting second style, money worked out third style, frustrated run-on complaints,
        # years and dates named second style), then 92.4 / 94.4 / 90.5 / 89.9 / 89.6 % (a thirty-fifth everyday mix with
        # pinyin slips, long voice messages, code-switching, Taiwan and overseas wording, clipped one-line questions; the
        # last four measured again midway, unchanged); after tuning:
        ("residents-fourhundredtwentysixth.yaml", 0.87), ("residents-fourhundredtwentyseventh.yaml", 0.94),
        ("residents-fourhundredtwentyeighth.yaml", 0.9), ("residents-fourhundredtwentyninth.yaml", 0.9),
        ("residents-fourhundredthirtieth.yaml", 0.94), ("residents-fourhundredthirtyfirst.yaml", 0.9),
        ("residents-fourhundredthirtysecond.yaml", 0.89), ("residents-fourhundredthirtythird.yaml", 0.93),
        ("residents-fourhundredthirtyfourth.yaml", 0.94), ("residents-fourhundredthirtyfifth.yaml", 0.94),
        ("residents-fourhundredthirtysixth.yaml", 0.94), ("residents-fourhundredthirtyseventh.yaml", 0.94),
        ("residents-fourhundredthirtyeighth.yaml", 0.9), ("residents-fourhundredthirtyninth.yaml", 0.9),
        ("residents-fourhundredfortieth.yaml", 0.91),
        # fifty-second session, all eleven sealed and run once untuned at its start (d9fb484): 96.1 / 86.5 / 85.2 / 95.1 /
        # 80.6 / 86.7 % (public message boards, two places third style, negative and doubting third style, a thirty-sixth
        # everyday mix with two facts told first, English as posted on expat forums, something missing fourth style:
        # unusual situations), then 92.7 / 88.5 / 89.0 / 94.8 / 93.8 % (homophone and shape typos third style, English
        # help-desk letters, formal traditional letters, regional wording second style, post titles; all five measured
        # again midway, unchanged); after tuning:
        ("residents-fourhundredfortyfirst.yaml", 0.96), ("residents-fourhundredfortysecond.yaml", 0.88),
        ("residents-fourhundredfortythird.yaml", 0.85), ("residents-fourhundredfortyfourth.yaml", 0.95),
        ("residents-fourhundredfortyfifth.yaml", 0.82), ("residents-fourhundredfortysixth.yaml", 0.87),
        ("residents-fourhundredfortyseventh.yaml", 0.92), ("residents-fourhundredfortyeighth.yaml", 0.89),
        ("residents-fourhundredfortyninth.yaml", 0.9), ("residents-fourhundredfiftieth.yaml", 0.94),
        ("residents-fourhundredfiftyfirst.yaml", 0.93),
        # fifty-third session, all eleven sealed and run once untuned on its main (fcab637): 89.6 / 85.4 / 88.2 / 85.0 / 85.9 /
        # 93.0 % (a thirty-seventh everyday mix, English forum posts second style, negative and doubting fourth style, two or
        # three places fourth style, something missing fifth style: rare family situations, voice-to-text from the elderly),
        # then 86.6 / 86.2 / 90.4 / 95.0 / 88.3 % midway (casual Hong Kong and Taiwan traditional, comparing two sides,
        # homophone and shape typos fourth style, community workers asking for residents, checking what they heard; all
        # five measured again on the worktree before tuning on them: one more passed); after tuning:
        ("residents-fourhundredfiftysecond.yaml", 0.91), ("residents-fourhundredfiftythird.yaml", 0.88),
        ("residents-fourhundredfiftyfourth.yaml", 0.88), ("residents-fourhundredfiftyfifth.yaml", 0.89),
        ("residents-fourhundredfiftysixth.yaml", 0.87), ("residents-fourhundredfiftyseventh.yaml", 0.95),
        ("residents-fourhundredfiftyeighth.yaml", 0.91), ("residents-fourhundredfiftyninth.yaml", 0.87),
        ("residents-fourhundredsixtieth.yaml", 0.92), ("residents-fourhundredsixtyfirst.yaml", 0.97),
        ("residents-fourhundredsixtysecond.yaml", 0.9),
        # fifty-fourth session, all eleven sealed and run once untuned on its main (648659d): 85.6 / 77.4 / 82.5 / 78.4 /
        # 86.2 / 92.6 % (a thirty-eighth everyday mix from family WeChat groups, English third style: simple English with
        # pinyin words, long stories second style, comparing second style, something missing sixth style, negative and
        # doubting fifth style), then 90.9 / 89.9 / 89.3 / 92.1 / 91.9 % midway (formal traditional letters, homophone and
        # shape typos fifth style with initials, figures quoted in FAQ questions, years and months, city nuance fifth
        # style; all five measured again on the worktree before tuning on them: one more passed); after tuning:
        ("residents-fourhundredsixtythird.yaml", 0.87), ("residents-fourhundredsixtyfourth.yaml", 0.82),
        ("residents-fourhundredsixtyfifth.yaml", 0.84), ("residents-fourhundredsixtysixth.yaml", 0.8),
        ("residents-fourhundredsixtyseventh.yaml", 0.87), ("residents-fourhundredsixtyeighth.yaml", 0.94),
        ("residents-fourhundredsixtyninth.yaml", 0.92), ("residents-fourhundredseventieth.yaml", 0.91),
        ("residents-fourhundredseventyfirst.yaml", 0.89), ("residents-fourhundredseventysecond.yaml", 0.95),
        ("residents-fourhundredseventythird.yaml", 0.93),
        # fifty-fifth session, all eleven sealed and run once untuned on its main (2d1976e): 89.6 / 86.2 / 95.0 / 86.9 /
        # 87.6 / 91.8 % (a thirty-ninth everyday mix from grandchildren asking for grandparents, English fourth style:
        # expats' polite English, long spoken messages in voice-to-text, deciding whether one needs something, something
        # missing seventh style: late and missed actions, rumours checked), then 88.1 / 91.0 / 89.3 / 94.8 / 96.0 % midway
        # (informal traditional with Cantonese, voice-recognition slips, checking a result, near-domain declines fifth
        # style, counties and districts; all five measured again on the worktree before tuning on them: the same 916);
        # after tuning:
        ("residents-fourhundredseventyfourth.yaml", 0.93), ("residents-fourhundredseventyfifth.yaml", 0.91),
        ("residents-fourhundredseventysixth.yaml", 0.96), ("residents-fourhundredseventyseventh.yaml", 0.88),
        ("residents-fourhundredseventyeighth.yaml", 0.88), ("residents-fourhundredseventyninth.yaml", 0.92),
        ("residents-fourhundredeightieth.yaml", 0.9), ("residents-fourhundredeightyfirst.yaml", 0.94),
        ("residents-fourhundredeightysecond.yaml", 0.9), ("residents-fourhundredeightythird.yaml", 0.95),
        ("residents-fourhundredeightyfourth.yaml", 0.96),
        # fifty-sixth session, all eleven sealed and run once untuned on its main (608e366): 88.3 / 81.0 / 89.4 / 94.4 /
        # 92.5 / 92.3 % (a fortieth everyday mix relayed from relatives, English fifth style: simple English with Chinese
        # word order, comparing two relatives, deciding second style, long written messages by retirees, near-domain
        # declines sixth style), then 91.3 / 92.0 / 91.7 / 94.0 / 86.5 % midway (traditional with Taiwan and Hong Kong
        # terms, pinyin typos third round, the elderly without smartphones, at the hospital right now, young parents and
        # children; all five measured again on the worktree before tuning on them: the same 898); after tuning:
        ("residents-fourhundredeightyfifth.yaml", 0.91), ("residents-fourhundredeightysixth.yaml", 0.84),
        ("residents-fourhundredeightyseventh.yaml", 0.91), ("residents-fourhundredeightyeighth.yaml", 0.95),
        ("residents-fourhundredeightyninth.yaml", 0.97), ("residents-fourhundredninetieth.yaml", 0.93),
        ("residents-fourhundredninetyfirst.yaml", 0.94), ("residents-fourhundredninetysecond.yaml", 0.93),
        ("residents-fourhundredninetythird.yaml", 0.93), ("residents-fourhundredninetyfourth.yaml", 0.95),
        ("residents-fourhundredninetyfifth.yaml", 0.9),
        # sealed until the twenty-second session, each run once: 74.0 / 88.7 / 94.7 / 91.3 / 90.7 / 90.0 / 86.7 % at its
        # start (c2437d8; self-corrections, leading questions, code-switching, counties, years, formatting noise, children),
        # 89.3 / 82.7 / 79.3 / 80.7 % midway (62f1c34; figure checks, in the moment, mismatched pairs, app navigation),
        # 90.0 / 86.0 / 90.7 % at its end (9ab0770; heavy typo mix, asking the bot to act, forwarded group chats)
        ("residents-hundredfiftyfifth.yaml", 0.84), ("residents-hundredfiftysixth.yaml", 0.89), ("residents-hundredfiftyseventh.yaml", 0.94),
        ("residents-hundredfiftyeighth.yaml", 0.9), ("residents-hundredfiftyninth.yaml", 0.91), ("residents-hundredsixtieth.yaml", 0.9),
        ("residents-hundredsixtyfirst.yaml", 0.88), ("residents-hundredsixtysecond.yaml", 0.88), ("residents-hundredsixtythird.yaml", 0.84),
        ("residents-hundredsixtyfourth.yaml", 0.84), ("residents-hundredsixtyfifth.yaml", 0.81), ("residents-hundredsixtysixth.yaml", 0.9),
        ("residents-hundredsixtyseventh.yaml", 0.85), ("residents-hundredsixtyeighth.yaml", 0.9),
        # sealed until the end of the tenth session, each run once against its final understanding code (9f1bf23):
        # 86.7 / 90.7 / 89.3 %; styles no earlier set used (notices and rumours quoted, frustrated residents,
        # figures said in words with relatives abroad writing Taiwan/HK Chinese or English)
        ("residents-sixtyfourth.yaml", 0.86), ("residents-sixtyfifth.yaml", 0.90), ("residents-sixtysixth.yaml", 0.89)]


def comparable(text: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(re.sub(r"<[^>]+>", "", text)))
    return re.sub(r"(?<=\d)[,，](?=\d{3})", "", text).lower()


def verdict(case: dict, assistant: Assistant, presenter: Presenter) -> str:
    """pass | answered_must_decline | neighbour_facts | fail — as /work/shared/eval/score_faq.py judges."""
    locale = LANGS.get(case.get("lang")) or assistant.language_of(case["q"]) or "zh"
    reply = assistant.ask(case["q"], locale)
    if case["expect"] == "abstain":
        return "pass" if reply.entry is None else "answered_must_decline"
    if reply.entry is None:
        return "pass" if case.get("abstain_ok") else "fail"
    answer = comparable(presenter.plain_answer(reply, locale))
    if any(comparable(bad) in answer and not any(comparable(u) in answer for u in unless)
           for bad, unless in (case.get("forbid_unless") or {}).items()):
        return "neighbour_facts"
    return "pass" if all(any(comparable(option) in answer for option in group) for group in case["expect"]) else "fail"


@pytest.fixture(scope="module")
def judged() -> dict[str, list[tuple[dict, str]]]:
    assistant = Assistant(shared_store(KNOWLEDGE))
    presenter = Presenter(Renderer(ROOT / "locales"), assistant)
    results = {}
    for name, _ in SETS:
        cases = yaml.safe_load((ROOT / "tests" / "eval" / name).read_text(encoding="utf-8"))
        results[name] = [(case, verdict(case, assistant, presenter)) for case in cases]
    return results


@pytest.mark.parametrize("name, minimum", SETS)
def test_fresh_phrasings_are_answered_correctly(judged, name, minimum):
    results = judged[name]
    failures = [case["q"] for case, outcome in results if outcome != "pass"]
    share = 1 - len(failures) / len(results)
    assert share >= minimum, f"{share:.1%} of {len(results)} passed; failing: {failures}"


@pytest.mark.parametrize("name", [name for name, _ in SETS])
def test_no_question_that_must_be_declined_is_answered(judged, name):
    answered = [case["q"] for case, outcome in judged[name] if outcome == "answered_must_decline"]
    assert not answered
